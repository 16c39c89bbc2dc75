"""An aiosmtpd handler that saves every message it receives as one .eml file in a folder.

A real SMTP server on loopback for development and tests (Debian's python3-aiosmtpd):

    PYTHONPATH=deploy/local /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c smtp_drop.EmlDrop FOLDER

Each file is written under a temporary name and renamed when complete, so a reader never sees half a
message. The envelope recipients are added as X-Envelope-To headers.
"""
import os
import time
import uuid


class EmlDrop:
    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        os.makedirs(self.folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("EmlDrop needs one argument: the folder to write messages to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
        partial = os.path.join(self.folder, "." + name + ".partial")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        headers = b"".join(b"X-Envelope-To: " + rcpt.encode("utf-8") + b"\r\n" for rcpt in envelope.rcpt_tos)
        with open(partial, "wb") as eml:
            eml.write(headers + content)
        os.rename(partial, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"
