# Writes hostile archives into the directory given: one per way an archive can lie or escape.
import gzip, io, os, sys, tarfile

out = sys.argv[1]
good = b"\x0a\x00"  # a TaskSpec with an empty template: valid, so only the archive itself is wrong

def tar(name, entries, compress=True):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for info, data in entries:
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    data = buf.getvalue()
    with open(os.path.join(out, name), "wb") as f:
        f.write(gzip.compress(data, mtime=0) if compress else data)

def reg(name, data=good):
    i = tarfile.TarInfo(name); i.size = len(data); return (i, data)

tar("dotdot.tgz", [reg("../evil_1.pb")])
tar("absolute.tgz", [reg("/etc/evil_1.pb")])
link = tarfile.TarInfo("0_link_1.pb"); link.type = tarfile.SYMTYPE; link.linkname = "/etc/passwd"
tar("symlink.tgz", [(link, None)])
hard = tarfile.TarInfo("1_hard_1.pb"); hard.type = tarfile.LNKTYPE; hard.linkname = "0_a_1.pb"
tar("hardlink.tgz", [(hard, None)])
d = tarfile.TarInfo("dir"); d.type = tarfile.DIRTYPE
tar("directory.tgz", [(d, None)])
tar("many.tgz", [reg("%d_t_1.pb" % i) for i in range(5)])
# 64 MiB of zeros in one entry, gzip-compressed to about 64 KiB: a compression bomb.
zeros = tarfile.TarInfo("0_zeros_1.pb"); zeros.size = 64 << 20
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as t:
    t.addfile(zeros, io.BytesIO(bytes(64 << 20)))
with open(os.path.join(out, "bomb.tgz"), "wb") as f:
    f.write(gzip.compress(buf.getvalue(), compresslevel=9, mtime=0))
# An entry whose header claims 1 GiB but whose data stops after 4 bytes.
liar = tarfile.TarInfo("0_liar_1.pb"); liar.size = len(good)
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as t:
    t.addfile(liar, io.BytesIO(good))
raw = bytearray(buf.getvalue())
raw[124:136] = b"%011o\0" % (1 << 30)
chk = sum(raw[:148]) + 8 * 32 + sum(raw[156:512])
raw[148:156] = b"%06o\0 " % chk
with open(os.path.join(out, "liar.tgz"), "wb") as f:
    f.write(gzip.compress(bytes(raw), mtime=0))
open(os.path.join(out, "empty_1.pb"), "wb").close()
