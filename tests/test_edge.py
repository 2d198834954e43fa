"""The edge cache's VCL (deploy/varnish/site.vcl) compiles against the Varnish and xkey and
vsthrottle vmods that `make edge` installs."""

import subprocess

from django.conf import settings


def test_the_shipped_vcl_compiles(tmp_path):
    vcl = settings.BASE_DIR / "deploy" / "varnish" / "site.vcl"
    compiled = subprocess.run(
        ["varnishd", "-C", "-f", str(vcl), "-n", str(tmp_path / "varnish")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert compiled.returncode == 0, compiled.stderr[-2000:]
    assert "xkey" in compiled.stderr and "vsthrottle" in compiled.stderr
