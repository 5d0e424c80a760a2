#pragma once
// Version of the docpipe SDK and the ABI tag every plugin is stamped with.

#include <cstddef>  // defines the standard library's version macros

#define DOCPIPE_SDK_VERSION_MAJOR 1
#define DOCPIPE_SDK_VERSION_MINOR 0
#define DOCPIPE_SDK_VERSION_PATCH 0

#define DOCPIPE_DETAIL_STR2(x) #x
#define DOCPIPE_DETAIL_STR(x) DOCPIPE_DETAIL_STR2(x)
#define DOCPIPE_DETAIL_CAT2(a, b) a##b
#define DOCPIPE_DETAIL_CAT(a, b) DOCPIPE_DETAIL_CAT2(a, b)

// C++ types cross the plugin boundary, so host and plugin must agree on the
// SDK major version, the compiler family and version, and the standard
// library with its std::string ABI.
#if defined(__clang__)
#define DOCPIPE_DETAIL_ABI_CXX DOCPIPE_DETAIL_CAT(clang, __clang_major__)
#elif defined(__GNUC__)
#define DOCPIPE_DETAIL_ABI_CXX DOCPIPE_DETAIL_CAT(gcc, __GNUC__)
#else
#define DOCPIPE_DETAIL_ABI_CXX othercxx
#endif

#if defined(_GLIBCXX_RELEASE)
#define DOCPIPE_DETAIL_ABI_STDLIB \
  DOCPIPE_DETAIL_CAT(DOCPIPE_DETAIL_CAT(libstdcxx, _GLIBCXX_RELEASE), \
                     DOCPIPE_DETAIL_CAT(_cxx11abi, _GLIBCXX_USE_CXX11_ABI))
#elif defined(_LIBCPP_ABI_VERSION)
#define DOCPIPE_DETAIL_ABI_STDLIB DOCPIPE_DETAIL_CAT(libcxx, _LIBCPP_ABI_VERSION)
#else
#define DOCPIPE_DETAIL_ABI_STDLIB otherstdlib
#endif

/// Name of the symbol a plugin exports to carry its ABI tag, e.g.
/// docpipe_abi__sdk1__gcc12__libstdcxx12_cxx11abi1. The tag is spelled into
/// the symbol's *name*, so the host reads it from the file's symbol table
/// without running any of the plugin's code.
#define DOCPIPE_ABI_SYMBOL                                                           \
  DOCPIPE_DETAIL_CAT(                                                                \
      DOCPIPE_DETAIL_CAT(DOCPIPE_DETAIL_CAT(docpipe_abi__sdk, DOCPIPE_SDK_VERSION_MAJOR), \
                         DOCPIPE_DETAIL_CAT(__, DOCPIPE_DETAIL_ABI_CXX)),                 \
      DOCPIPE_DETAIL_CAT(__, DOCPIPE_DETAIL_ABI_STDLIB))

/// The ABI tag as a string: the symbol name above.
#define DOCPIPE_ABI_TAG DOCPIPE_DETAIL_STR(DOCPIPE_ABI_SYMBOL)

/// Every ABI symbol starts with this, whatever the plugin was built with.
#define DOCPIPE_ABI_SYMBOL_PREFIX "docpipe_abi__"
