"""Screenshots of the import wizard's pages, the upload progress, the results and the Imports panel.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/import_screenshots.py [--lang vi]
PNGs go to docs/screenshots/import_*.png (English) or import_*_vi.png (``--lang vi``).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))




def make_file(path: Path) -> None:
    """A realistic sheet: a title, a note row, Vietnamese headers, numeric phones, problems to review."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Khách hàng tháng 4"
    ws.append(["DANH SÁCH KHÁCH HÀNG THÁNG 4/2026"])
    ws.append(["Nguồn: hội chợ Hà Nội, đã lọc trùng lần 1"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Số điện thoại", "Email", "Ghi chú"])
    given = ["An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam"]
    for i in range(1, 4001):
        phone: Any = 386000000 + i if i % 3 else f"0386 {i:06d}"[:4] + f"{i:06d}"
        if i == 5:
            phone = "01689123456"  # an old 11-digit prefix: a suggestion
        if i == 9:
            phone = "12ab34"
        if i == 14:
            phone = "0386000001"  # a duplicate of row 1
        if i == 21:
            phone = "8.43861E+10"
        ws.append([i, f"Nguyễn Văn {given[i % len(given)]}", phone, f"kh{i}@example.vn" if i % 4 else "",
                   "khách quen" if i % 7 == 0 else ""])
    hidden = wb.create_sheet("Tham chiếu (ẩn)")
    hidden.append(["mã", "tên"])
    hidden.sheet_state = "hidden"
    other = wb.create_sheet("Tổng hợp")
    other.append(["Tổng", 4000])
    wb.save(path)


async def sequence(window: Any, service: Any, account: Any, source: Path, control: Any, lang: str = "en",
                   suffix: str = "") -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from campaign_gui.ui.import_wizard.wizard import ImportWizard, PageId

    OUT.mkdir(parents=True, exist_ok=True)

    async def until(check: Any, timeout: float = 60.0) -> None:
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not check():
            if loop.time() > end:
                raise TimeoutError("screenshot step timed out")
            await asyncio.sleep(0.05)

    async def grab(widget: Any, name: str) -> None:
        await asyncio.sleep(0.3)
        QApplication.processEvents()
        pixmap = widget.grab()
        name = name.replace(".png", f"{suffix}.png")
        path = OUT / (name if lang == "en" else name.replace(".png", f"_{lang}.png"))
        pixmap.save(str(path), "PNG")
        print(f"wrote {path.relative_to(ROOT)} ({pixmap.width()}x{pixmap.height()})", flush=True)

    wizard = ImportWizard(service, str(source), account_id=account.id, target={"campaign": "CA100001"},
                          parent=window)
    wizard.show()
    names = {PageId.FILE: "import_1_file.png", PageId.HEADER: "import_2_header.png",
             PageId.MAPPING: "import_3_mapping.png", PageId.REVIEW: "import_4_review.png",
             PageId.TARGET: "import_5_target.png"}
    review = wizard.review_page
    for page_id, name in names.items():
        await until(lambda: wizard.currentPage().isComplete())
        if page_id == PageId.REVIEW:
            review.filter.setCurrentIndex(review.filter.findData("problems"))
            await until(lambda: review._filter_ticket == 0 and review.model.rowCount() < 4000)
        await grab(wizard, name)
        if page_id == PageId.REVIEW:
            review.filter.setCurrentIndex(0)
        if page_id == PageId.TARGET:  # a rate-limit storm after the first batches, to show the wait
            control.fault(provider="stringee", path="add-by-phones", action="rate_limit", retry_after="20",
                          times=-1, after=2)
        wizard.next()
    upload = wizard.upload_page
    rate_limited = QCoreApplication.translate("UploadPage", "Waiting {0} s (rate limited)").split("{0}")[-1]
    await until(lambda: rate_limited in upload.waiting.text())
    await grab(wizard, "import_6_upload_waiting.png")
    await grab(window, "import_8_window_jobs_panel.png")
    control.clear_faults()
    await until(upload.isComplete, 120)
    await grab(wizard, "import_6_upload_done.png")
    await asyncio.sleep(0.5)  # a snapshot that came after the end would show by now
    await grab(window, "import_9_window_jobs_done.png")
    wizard.next()
    results = wizard.results_page.view
    await until(lambda: results.summary is not None)
    results.filter.setCurrentIndex(results.filter.findData("not_added"))
    await grab(wizard, "import_7_results.png")
    wizard.close()


def main(argv: list[str] | None = None) -> int:
    import argparse

    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from campaign_gui.domain.models import ProviderId
    from campaign_gui.sandbox.control import SandboxControl
    from campaign_gui.sandbox.server import SandboxServer
    from campaign_gui.services.container import build_services
    from campaign_gui.services.import_setup import build_import_service
    from campaign_gui.storage.accounts import AccountStore
    from campaign_gui.storage.secrets import CredentialStore, ProcessMemoryKeyring
    from campaign_gui.ui.i18n import LANGUAGES, LanguageManager
    from campaign_gui.ui.import_drop import install_import_support
    from campaign_gui.ui.main_window import MainWindow

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", "--language", dest="lang", choices=sorted(LANGUAGES), default="en",
                        help="language of the screenshots (default: en); other than en → import_*_<lang>.png")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light",
                        help="colour scheme (default: light); dark → import_*_dark*.png")
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(prefix="import-shots-")
    data = Path(tmp.name)
    source = data / "khach-hang-thang-4.xlsx"
    make_file(source)
    server = SandboxServer().start()
    control = SandboxControl(server.base_url)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationDisplayName("Campaign Manager")
    languages = LanguageManager()
    languages.apply(args.lang)  # before any widget exists, as the app does at start-up
    from campaign_gui.ui.theme import apply_scheme

    apply_scheme(app, args.scheme)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(data, store=AccountStore(data), secrets=CredentialStore(ProcessMemoryKeyring()),
                              sandbox_factory=lambda: None)
    accounts = {a["provider"]: a for a in server.demo_accounts()}
    added = None
    for provider in ("stringee", "alohub"):
        demo = accounts[provider]
        made = services.accounts.add(ProviderId(provider), demo["name"], demo["base_url"], demo["fields"],
                                     demo["secret"])
        added = added or made
    window = MainWindow(services, QSettings(str(data / "gui.ini"), QSettings.Format.IniFormat))
    service = build_import_service(services, use_process=True, pacing=0.6)
    install_import_support(window, service, ask_resume=False)
    window.resize(1300, 820)
    window.show()
    window.populate()
    try:
        with loop:
            loop.run_until_complete(sequence(window, service, added, source, control, args.lang,
                                             "_dark" if args.scheme == "dark" else ""))
            service.shutdown()
            service.jobs.close()
            loop.run_until_complete(services.aclose())
    finally:
        control.close()
        server.stop()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
