# cmake -DOUTPUT=FILE.cpp -DASSETS="NAME=PATH;NAME=PATH" -P embed_assets.cmake
# Writes a .cpp defining each asset as `const std::string_view NAME` in
# docpipe::view::detail (declared in src/detail/assets.hpp). Bytes are written
# as a char array, not a string literal, so no compiler string-length limit
# applies and no delimiter can collide with the content.
set(body "// Generated from framework/view/assets and data by embed_assets.cmake; do not edit.\n")
string(APPEND body "#include \"detail/assets.hpp\"\n\nnamespace docpipe::view::detail {\nnamespace {\n")
set(views "")
foreach(asset IN LISTS ASSETS)
  string(REPLACE "=" ";" pair "${asset}")
  list(GET pair 0 name)
  list(GET pair 1 path)
  file(READ "${path}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){24})" "\\1\n" bytes "${bytes}")
  string(APPEND body "const char ${name}_bytes[] = {\n${bytes}'\\0'};\n")
  string(APPEND views "const std::string_view ${name}{${name}_bytes, ${size}};\n")
endforeach()
string(APPEND body "}  // namespace\n\n${views}\n}  // namespace docpipe::view::detail\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
