#!/usr/bin/env python3
"""Makes a linked Swift binary a function of its sources only (used by scripts/release on every tool).

    normalize_elf.py BINARY

swiftc writes a 16-byte MD5 of each LLVM module into `.swift_modhash` for its incremental builds; the module it
hashes names the build's own (temporary) file paths, so two builds of one commit differ there and in the GNU
build-id computed over them. Nothing reads the section at run time. This zeroes it in place (the layout is
unchanged), then recomputes the build-id the way the linker does: SHA-1 over the file with the id zeroed.
"""
import hashlib
import struct
import sys


def sections(data):
    """(name, file offset, size, type) for each section of a 64-bit little-endian ELF file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise SystemExit("error: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_offset = headers[shstrndx][4]
    result = []
    for header in headers:
        start = names_offset + header[0]
        name = data[start:data.index(b"\0", start)].decode()
        result.append((name, header[4], header[5], header[1]))
    return result


def normalize(path):
    with open(path, "rb") as handle:
        data = bytearray(handle.read())
    found = {name: (offset, size, kind) for name, offset, size, kind in sections(data)}
    nobits = 8
    if ".swift_modhash" in found and found[".swift_modhash"][2] != nobits:
        offset, size, _ = found[".swift_modhash"]
        data[offset:offset + size] = bytes(size)
    if ".note.gnu.build-id" in found:
        offset, _, _ = found[".note.gnu.build-id"]
        namesz, descsz, _ = struct.unpack_from("<III", data, offset)
        desc = offset + 12 + ((namesz + 3) & ~3)
        data[desc:desc + descsz] = bytes(descsz)
        data[desc:desc + descsz] = hashlib.sha1(data).digest()[:descsz]
    with open(path, "wb") as handle:
        handle.write(data)


if __name__ == "__main__":
    for binary in sys.argv[1:]:
        normalize(binary)
