"""Prints the current 6-digit code for an authenticator key, as an authenticator app would (RFC 6238).

For the demo users of deploy/local/run.sh, who are enrolled with a published key:

    python3 deploy/local/totp.py                 # the demo key
    python3 deploy/local/totp.py "abcd efgh ..." # any setup key shown by the portal
"""
import base64
import hashlib
import hmac
import struct
import sys
import time

DEMO_KEY = "THRESHOLDPORTALDEMOKEYNORTHSHIRE"


def code(key, at=None):
    secret = base64.b32decode(key.replace(" ", "").upper())
    counter = struct.pack(">Q", int(time.time() if at is None else at) // 30)
    digest = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


if __name__ == "__main__":
    key = sys.argv[1] if len(sys.argv) > 1 else DEMO_KEY
    print(f"{code(key)}  (valid for another {30 - int(time.time()) % 30} seconds)")
