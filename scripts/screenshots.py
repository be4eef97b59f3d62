"""Screenshots of the main pages as each role sees them, for a person to look at.

    .venv/bin/python scripts/screenshots.py --base http://127.0.0.1:8000 --out screenshots \
        --user admin --password de165-demo-2026 /cadres/ /agencies/ ...
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--full", action="store_true", help="whole page, not just the viewport")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(f"{args.base}/login/")
        page.fill("input[name=username]", args.user)
        page.fill("input[name=password]", args.password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        for path in args.paths:
            page.goto(f"{args.base}{path}")
            page.wait_for_load_state("networkidle")
            name = args.user + "_" + (path.strip("/").replace("/", "_").replace("?", "_") or "home")
            page.screenshot(path=str(out / f"{name}.png"), full_page=args.full)
            print(f"{out / name}.png")
        browser.close()
        for error in errors:
            print("console error:", error)


if __name__ == "__main__":
    main()
