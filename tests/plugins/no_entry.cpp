// A library with a valid ABI tag but no DOCPIPE_PLUGIN entry point.
#include <docpipe/sdk/version.hpp>
#include <boost/config.hpp>
extern "C" BOOST_SYMBOL_EXPORT const char DOCPIPE_ABI_SYMBOL[];
extern "C" BOOST_SYMBOL_EXPORT const char DOCPIPE_ABI_SYMBOL[] = DOCPIPE_ABI_TAG;
