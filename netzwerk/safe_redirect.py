"""The one check for redirect targets taken from a request: only paths on this site."""
import re
from urllib.parse import urlsplit

# browsers drop tabs and newlines inside URLs ("/\t/evil.example" becomes "//evil.example")
# and read a backslash as a slash: such a target is never a local path
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")


def local_path(target):
    """`target` if it is a path on this site ("/akteure?q=x"), else None."""
    if not target or not isinstance(target, str) or _UNSAFE.search(target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
