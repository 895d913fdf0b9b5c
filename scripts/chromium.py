"""The Chromium that the browser tests and `make screenshots` drive: Debian's package (Playwright
cannot download its own here), started without the sandbox and GPU a container lacks."""

import os

CHROMIUM = os.environ.get("NEWSAPP_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]
