# gx_include_root(TARGET PREFIX): gives TARGET an include root of its own, in which the
# target's source folder appears as PREFIX and nothing else does. Its files are then included
# as "PREFIX/file.h" (e.g. "core/result.h", "sync/store/database.h"), and a target sees the
# headers of exactly the libraries it links: an include of a library above it, or beside it, is
# a compile error ("No such file"), so the layering is CMake's to keep, not the reader's.
#
# The root is a folder under the build tree holding one symbolic link, PREFIX -> the source
# folder.
function(gx_include_root target prefix)
    set(root "${CMAKE_BINARY_DIR}/include-roots/${target}")
    set(link "${root}/${prefix}")
    get_filename_component(parent "${link}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    if(IS_SYMLINK "${link}")
        file(REMOVE "${link}")
    endif()
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${link}" SYMBOLIC)
    target_include_directories(${target} PUBLIC "${root}")
endfunction()
