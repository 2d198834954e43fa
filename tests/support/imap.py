"""A real IMAP server for the mailbox tests: Debian's dovecot-imapd, unprivileged, on a free port
with a config, a passwd-file user and a mail folder of its own (`make imap` installs it)."""

import getpass
import imaplib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from tests.support.faults import free_port
from tests.support.waiting import until

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"  # sbin: not on every user's PATH
CONFIG = """\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
first_valid_uid = 1
mail_location = maildir:{folder}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def accounts() -> dict:
    """Dovecot's own users when started as root (it refuses to serve as root), else ours."""
    if os.geteuid() == 0:
        mail = pwd.getpwnam("dovecot")
        return {"internal": "dovecot", "internal_group": "dovecot", "login": "dovenull",
                "uid": mail.pw_uid, "gid": mail.pw_gid}  # fmt: skip
    me = getpass.getuser()
    return {"internal": me, "internal_group": me, "login": me, "uid": os.getuid(),
            "gid": os.getgid()}  # fmt: skip


class Dovecot:
    """`dovecot -F` serving one mailbox (`user`, `password`) until `stop()`."""

    def __init__(self, user: str = "sales@example.com", password: str = "mailbox-secret"):
        self.user, self.password, self.port = user, password, free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="dovecot-", dir="/tmp"))  # its users read it
        self.folder.chmod(0o755)
        who = accounts()
        for name in ("mail", "home"):
            (self.folder / name).mkdir()
            os.chown(self.folder / name, who["uid"], who["gid"])
        (self.folder / "users").write_text(f"{user}:{{PLAIN}}{password}\n")
        config = self.folder / "dovecot.conf"
        config.write_text(CONFIG.format(folder=self.folder, port=self.port, **who))
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        until(self.answers, 20, explain=self.log)

    @property
    def url(self) -> str:
        who = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}"
        return f"imap://{who}@127.0.0.1:{self.port}/INBOX"

    def answers(self) -> bool:
        try:
            self.connect().logout()
        except (OSError, imaplib.IMAP4.error):
            return False
        return True

    def log(self) -> str:
        path = self.folder / "log"
        return path.read_text()[-2000:] if path.exists() else "no log"

    def connect(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=5)
        imap.login(self.user, self.password)
        return imap

    def deliver(self, raw: bytes, days_ago: float = 0, flags: str = "") -> None:
        """Into the INBOX, as the mail server would (its arrival time `days_ago`)."""
        imap = self.connect()
        try:
            when = imaplib.Time2Internaldate(time.time() - days_ago * 86400)
            status, data = imap.append("INBOX", flags or None, when, raw)
            assert status == "OK", data
        finally:
            imap.logout()

    def flags(self) -> list[bytes]:
        """Each message's flags, oldest first: what people see in their own mail program."""
        imap = self.connect()
        try:
            imap.select("INBOX", readonly=True)
            status, data = imap.fetch("1:*", "(FLAGS)")
            return [line for line in data if line]
        finally:
            imap.logout()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.folder, ignore_errors=True)
