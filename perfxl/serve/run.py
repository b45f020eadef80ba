"""Start the add-in server with uvicorn: HTTP for a local check, HTTPS with `--certs` for Excel.

Office.js add-ins load only over HTTPS, so a certificate directory is expected in real use. The
certificate pair is found by the names the common tools write: `cert.pem`/`key.pem`,
Let's Encrypt's `fullchain.pem`/`privkey.pem`, or mkcert's `NAME.pem`/`NAME-key.pem`.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import TYPE_CHECKING

from perfxl.errors import PerfxlError
from perfxl.limits import Limits

from ..records import record

if TYPE_CHECKING:
    from .access import AccessPolicy

__all__ = ["CertPair", "find_certs", "serve", "is_loopback", "preflight"]


@record(frozen=True, slots=True)
class CertPair:
    """A TLS certificate (chain) and its private key."""

    certfile: Path
    keyfile: Path


def find_certs(directory: str | os.PathLike[str]) -> CertPair:
    """The certificate pair in `directory`, or a PerfxlError saying which file names are expected."""
    folder = Path(directory)
    if not folder.is_dir():
        raise PerfxlError(
            f"证书目录不存在：{folder}", f"certificate directory not found: {folder}", code="SERVER_CERTS"
        )
    for cert, key in (("cert.pem", "key.pem"), ("fullchain.pem", "privkey.pem")):
        if (folder / cert).is_file() and (folder / key).is_file():
            return CertPair(folder / cert, folder / key)
    for keyfile in sorted(folder.glob("*-key.pem")):
        certfile = folder / (keyfile.name[: -len("-key.pem")] + ".pem")
        if certfile.is_file():
            return CertPair(certfile, keyfile)
    raise PerfxlError(
        f"证书目录 {folder} 中没有找到证书：应为 cert.pem + key.pem、fullchain.pem + privkey.pem 或 mkcert 生成的 NAME.pem + NAME-key.pem",
        f"no certificate pair in {folder} (cert.pem+key.pem, fullchain.pem+privkey.pem or NAME.pem+NAME-key.pem)",
        code="SERVER_CERTS",
    )


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def preflight(
    host: str, project: str | os.PathLike[str] | None, access: AccessPolicy, *, allow_anonymous: bool = False
) -> bool:
    """Refuse (PerfxlError) to listen beyond loopback without access control; True when Entra ID signs users in."""
    # lazy: import cycle (perfxl.serve.access and perfxl.serve.app import perfxl.serve.run at load)
    from .access import exposure_problem
    from .app import entraid_enabled, server_settings

    entraid = entraid_enabled(server_settings(project))
    problem = exposure_problem(host, access, entraid=entraid, allow_anonymous=allow_anonymous)
    if problem is not None:
        raise problem
    return entraid


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    certs: str | os.PathLike[str] | None = None,
    project: str | os.PathLike[str] | None = None,
    max_cells: int | None = None,
    access: AccessPolicy | None = None,
    allow_anonymous: bool = False,
    log_level: str = "info",
) -> None:
    """Run the guarded xlwings Server until interrupted (blocks); refused beyond loopback without access control."""
    # lazy: import cycle (perfxl.serve.access imports perfxl.serve.run at load)
    from .access import AccessPolicy

    access = access if access is not None else AccessPolicy.from_env()
    preflight(host, project, access, allow_anonymous=allow_anonymous)
    pair = find_certs(certs) if certs else None
    try:
        # optional, guarded: uvicorn (the `server` extra) may be absent
        import uvicorn
    except ImportError:
        # lazy: import cycle (perfxl.serve.app imports perfxl.serve.run at load)
        from .app import INSTALL_HINT

        raise PerfxlError(
            f"未安装 uvicorn。请运行：{INSTALL_HINT}", f"uvicorn missing; run: {INSTALL_HINT}", code="SERVER_MISSING"
        ) from None
    # lazy: import cycle (perfxl.serve.app imports perfxl.serve.run at load)
    from .app import create_app

    app = create_app(project, limits=Limits.from_env(serve_max_cells=max_cells), access=access)
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=str(pair.certfile) if pair else None,
        ssl_keyfile=str(pair.keyfile) if pair else None,
        log_level=log_level,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
    )
