"""A real IMAP server for the tests: Debian's dovecot, a throwaway config on loopback.

Dovecot runs in the foreground (``-F``) in its own process group, so a test can kill the master
and every IMAP process at once (a dropped connection), then start it again on the same maildir:
UIDs and UIDVALIDITY survive a restart exactly as on a production server. One static test user,
plaintext login (``ssl = no``) because nothing leaves 127.0.0.1.

Dovecot 2.3 refuses to run its login processes or to touch mail as root: as root the master
runs its helpers as Debian's ``dovecot``/``dovenull`` users and the maildir belongs to
``nobody``; the temporary root directory is made world-readable so those users can reach it.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.postgres_server import free_port

DOVECOT = "/usr/sbin/dovecot"
USER = "triage-test"
PASSWORD = "imap-Secret-7f3a9c"  # a test's caplog/exception checks look for this string

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:{root}/mail/%u
mail_uid = {mail_uid}
mail_gid = {mail_gid}
namespace inbox {{
  inbox = yes
  separator = /
}}
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service stats {{
  inet_listener http {{
    port = 0
  }}
}}
"""


@dataclass
class DovecotServer:
    root: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    tls_port: int = 0  # IMAPS; with it, STARTTLS on ``port`` too (self-signed, SAN 127.0.0.1)

    user: str = USER
    password: str = PASSWORD
    host: str = "127.0.0.1"

    @property
    def mail_user(self) -> pwd.struct_passwd:
        """Dovecot never touches mail as root: as root, the mail belongs to ``nobody``."""
        return pwd.getpwnam("nobody") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())

    @property
    def config_file(self) -> Path:
        return self.root / "dovecot.conf"

    def start(self) -> None:
        for sub in ("state", "mail", "home"):
            (self.root / sub).mkdir(exist_ok=True)
        for sub in ("mail", "home"):
            os.chown(self.root / sub, self.mail_user.pw_uid, self.mail_user.pw_gid)
        ssl = "ssl = no"
        if self.tls_port:
            self._make_certificate()
            ssl = (f"ssl = yes\nssl_cert = <{self.cert_file}\n"
                   f"ssl_key = <{self.root / 'key.pem'}")  # fmt: skip
        self.config_file.write_text(
            CONFIG.format(
                ssl=ssl,
                tls_port=self.tls_port,
                root=self.root,
                port=self.port,
                password=self.password,
                mail_uid=self.mail_user.pw_uid,
                mail_gid=self.mail_user.pw_gid,
            )
        )
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config_file)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: kill() reaches every child
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"dovecot exited: {err} {self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    @property
    def cert_file(self) -> Path:
        return self.root / "cert.pem"

    def _make_certificate(self) -> None:
        """A throwaway self-signed certificate for 127.0.0.1; tests trust it by SSL_CERT_FILE."""
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(self.root / "key.pem"), "-out", str(self.cert_file)],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def kill(self) -> None:
        """SIGKILL the master and every IMAP process: clients see the connection drop."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
            return
        with contextlib.suppress(ProcessLookupError):  # children that outlived the master
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def dovecot_available() -> bool:
    return Path(DOVECOT).exists()


def start_server(tls: bool = False) -> DovecotServer | None:
    """A started server, or None when dovecot is not installed."""
    if not dovecot_available():
        return None
    root = Path(tempfile.mkdtemp(prefix="triage-imap-"))
    root.chmod(0o755)  # dovecot's unprivileged login and auth processes must reach run/
    server = DovecotServer(root, free_port(), tls_port=free_port() if tls else 0)
    try:
        server.start()
    except Exception:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def remove(server: DovecotServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
