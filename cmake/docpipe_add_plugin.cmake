# docpipe_add_plugin(NAME name SOURCES src... [DATA dir-or-file...]
#                    [LIBRARIES lib...] [TESTS test.cpp...] [NO_INSTALL])
#
# Builds the plugin `name` as `name.so`, a module linked to docpipe::sdk with
# hidden visibility. DATA is copied into `<plugin dir>/<name>/`, where the
# stage finds it as StageContext::data_dir. Installed with the SDK, the same
# function builds out-of-tree plugins (see docs/writing-plugins.md).
#
# NO_INSTALL leaves the plugin out of `cmake --install` (test-only plugins).
# TESTS (in the docpipe tree only) builds `<name>_test` from the given Catch2
# files and the plugin's sources, and registers each test case with CTest.
function(docpipe_add_plugin)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_INSTALL" "NAME" "SOURCES;DATA;LIBRARIES;TESTS")
  if(NOT arg_NAME OR NOT arg_SOURCES)
    message(FATAL_ERROR "docpipe_add_plugin: NAME and SOURCES are required")
  endif()
  if(NOT arg_NAME MATCHES "^[a-z0-9_-]+$")
    message(FATAL_ERROR "docpipe_add_plugin: NAME '${arg_NAME}' must match [a-z0-9_-]+")
  endif()
  set(name ${arg_NAME})
  if(DEFINED DOCPIPE_PLUGIN_OUTPUT_DIR)
    set(out_dir "${DOCPIPE_PLUGIN_OUTPUT_DIR}")
  else()
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}")
  endif()

  # The sources are compiled once and shared by the module and its tests.
  add_library(${name}_objects OBJECT ${arg_SOURCES})
  target_link_libraries(${name}_objects PUBLIC docpipe::sdk ${arg_LIBRARIES})
  set_target_properties(${name}_objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  if(COMMAND docpipe_set_warnings)
    docpipe_set_warnings(${name}_objects)
  endif()

  add_library(${name} MODULE $<TARGET_OBJECTS:${name}_objects>)
  target_link_libraries(${name} PRIVATE docpipe::sdk ${arg_LIBRARIES})
  set_target_properties(${name} PROPERTIES
    PREFIX "" OUTPUT_NAME "${name}" LIBRARY_OUTPUT_DIRECTORY "${out_dir}"
    INSTALL_RPATH "$ORIGIN/../..")
  target_link_options(${name} PRIVATE "LINKER:--no-undefined")

  foreach(item IN LISTS arg_DATA)
    get_filename_component(item_abs "${item}" ABSOLUTE)
    if(IS_DIRECTORY "${item_abs}")
      file(GLOB_RECURSE data_files CONFIGURE_DEPENDS "${item_abs}/*")
      foreach(f IN LISTS data_files)
        file(RELATIVE_PATH rel "${item_abs}" "${f}")
        configure_file("${f}" "${out_dir}/${name}/${rel}" COPYONLY)
      endforeach()
    else()
      get_filename_component(fname "${item_abs}" NAME)
      configure_file("${item_abs}" "${out_dir}/${name}/${fname}" COPYONLY)
    endif()
  endforeach()

  if(DEFINED DOCPIPE_PLUGIN_INSTALL_DIR)
    set(install_dir "${DOCPIPE_PLUGIN_INSTALL_DIR}")
  else()
    include(GNUInstallDirs)
    set(install_dir "${CMAKE_INSTALL_LIBDIR}/docpipe/plugins")
  endif()
  if(NOT arg_NO_INSTALL)
    install(TARGETS ${name} LIBRARY DESTINATION "${install_dir}")
    if(arg_DATA)
      install(DIRECTORY "${out_dir}/${name}/" DESTINATION "${install_dir}/${name}")
    endif()
  endif()

  if(arg_TESTS AND TARGET docpipe_test_main)
    add_executable(${name}_test ${arg_TESTS} $<TARGET_OBJECTS:${name}_objects>)
    target_link_libraries(${name}_test PRIVATE docpipe_test_main docpipe::sdk ${arg_LIBRARIES})
    target_compile_definitions(${name}_test PRIVATE
      DOCPIPE_TEST_DATA_DIR="${out_dir}/${name}" DOCPIPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    catch_discover_tests(${name}_test TEST_PREFIX "${name}: ")
  endif()
endfunction()
