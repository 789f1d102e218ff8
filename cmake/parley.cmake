# parley_add_test(NAME SOURCES... LIBS lib...)
# A GoogleTest executable registered with CTest. Tests run from the source tree
# root so they can find tests/data; PARLEY_SHARED_DIR points at ../shared.
function(parley_add_test name)
  if(NOT PARLEY_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    PARLEY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PARLEY_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
