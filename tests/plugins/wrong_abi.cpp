// A library stamped with another SDK major version and compiler.
#include <boost/config.hpp>
extern "C" BOOST_SYMBOL_EXPORT const char docpipe_abi__sdk0__gcc4__libstdcxx4_cxx11abi0[];
extern "C" BOOST_SYMBOL_EXPORT const char docpipe_abi__sdk0__gcc4__libstdcxx4_cxx11abi0[] = "old";
