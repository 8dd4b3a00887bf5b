# tessera_add_library(name SOURCES...
#   [DEPENDS targets...]        generated headers the sources include
#   [MLIR_LIBS libs...]         upstream MLIR libraries (libMLIR.so when linking the dylib)
#   [LINK_LIBS libs...])        Tessera and third-party libraries
#
# A static library that is installed and exported in the Tessera CMake package,
# compiled with the shared precompiled header of MLIR's heavy headers.
function(tessera_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;MLIR_LIBS;LINK_LIBS" ${ARGN})
  add_mlir_library(${name} ${ARG_UNPARSED_ARGUMENTS}
    EXCLUDE_FROM_LIBMLIR DISABLE_INSTALL
    DEPENDS ${ARG_DEPENDS})
  mlir_target_link_libraries(${name} PUBLIC ${ARG_MLIR_LIBS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS})
  target_include_directories(${name} INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  tessera_use_pch(${name})
  set_property(GLOBAL APPEND PROPERTY TESSERA_EXPORTED_LIBS ${name})
  install(TARGETS ${name} EXPORT TesseraTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
endfunction()

# Reuse the one precompiled header (cmake/pch) instead of parsing MLIR's heavy
# headers in every translation unit.
function(tessera_use_pch target)
  if(TESSERA_ENABLE_PCH)
    target_precompile_headers(${target} REUSE_FROM TesseraPCH)
  endif()
endfunction()

# tessera_add_tool(name SOURCES... [MLIR_LIBS ...] [LINK_LIBS ...])
# Tools keep their own sources thin and take no PCH (they compile as PIE, the
# libraries' PCH as PIC).
function(tessera_add_tool name)
  cmake_parse_arguments(ARG "" "" "MLIR_LIBS;LINK_LIBS;DEPENDS" ${ARGN})
  add_llvm_executable(${name} ${ARG_UNPARSED_ARGUMENTS} DEPENDS ${ARG_DEPENDS})
  llvm_update_compile_flags(${name})
  mlir_target_link_libraries(${name} PRIVATE ${ARG_MLIR_LIBS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS})
  install(TARGETS ${name} EXPORT TesseraTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()
