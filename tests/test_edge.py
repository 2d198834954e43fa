"""The edge cache's VCL (deploy/varnish/site.vcl) compiles against the Varnish and xkey and
vsthrottle vmods that `make edge` installs."""

import os
import shutil
import subprocess
import tempfile

from django.conf import settings


def test_the_shipped_vcl_compiles(tmp_path):
    # varnishd reads the file as its own unprivileged user: a clone in a private folder (mktemp
    # -d, pytest's tmp_path) is out of its reach, so it gets a readable copy.
    readable = tempfile.mkdtemp(prefix="vcl-", dir="/tmp")
    try:
        os.chmod(readable, 0o755)
        vcl = shutil.copy(settings.BASE_DIR / "deploy" / "varnish" / "site.vcl", readable)
        os.chmod(vcl, 0o644)
        compiled = subprocess.run(
            ["varnishd", "-C", "-f", vcl, "-n", str(tmp_path / "varnish")],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        shutil.rmtree(readable)
    assert compiled.returncode == 0, compiled.stderr[-2000:]
    assert "xkey" in compiled.stderr and "vsthrottle" in compiled.stderr
