"""The Qt-free layers' English reasons and codes are shown in Vietnamese in Vietnamese mode, unchanged in English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.domain.phones import REASONS, normalize_phone
from campaign_gui.providers import all_infos, provider_info
from campaign_gui.reading import sniff_messages as sniff
from campaign_gui.reading.mapping import propose_mapping
from campaign_gui.reading.types import RowRecord, RowStatus
from campaign_gui.services import texts
from campaign_gui.services import texts_catalogue as cat
from campaign_gui.services import texts_catalogue_input as cat_input
from campaign_gui.services.import_service import describe_import_error
from campaign_gui.ui.add_contact_dialog import AddContactDialog
from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
from campaign_gui.ui.import_wizard.review_model import ReviewModel
from campaign_gui.ui.provider_texts import PROVIDER_TEXTS
from campaign_gui.upload import engine, jobs

MAPPING = "column content looks like phone numbers (48/50)"
OUTCOME = "not sent: provider unreachable, will resume (the server did not answer)"


def test_vietnamese_texts(vietnamese: None) -> None:
    assert texts.phone_reason_text("too_long") == "Quá nhiều chữ số cho một số điện thoại (hơn 15)."
    assert texts.fix_text("leading_zero") == "Excel đã bỏ số 0 ở đầu; đọc như số trong nước."
    assert texts.mapping_reason_text(MAPPING) == "nội dung cột trông giống số điện thoại (48/50)"
    assert texts.mapping_reason_text("Vietnamese synonym 'Số ĐT'") == "từ đồng nghĩa tiếng Việt 'Số ĐT'"
    assert texts.input_error_text("empty", sniff.MSG_EMPTY) == "Tệp trống."
    assert texts.input_error_text("blocked", jobs_blocked(3996)) == (
        "3.996 dòng có số điện thoại không hợp lệ: hãy sửa, hoặc chọn bỏ qua hay gửi cả các dòng không hợp lệ.")
    assert texts.outcome_reason_text(OUTCOME) == (
        "chưa gửi: không kết nối được nhà cung cấp, sẽ tự tiếp tục (the server did not answer)")
    assert texts.outcome_reason_text("Same phone number as row 12.") == "Trùng số điện thoại với dòng 12."
    assert texts.stop_message_text("cancelled by the user") == "đã bị người dùng hủy"
    assert texts.stop_message_text(jobs.SOURCE_CHANGED) == (
        "tệp nguồn đã thay đổi kể từ khi bắt đầu nhập; hãy bắt đầu một lần nhập mới")
    assert texts.waiting_text("rate limited, 12 s", 12) == "Đang chờ 12 giây (bị giới hạn tốc độ)"
    assert texts.waiting_text("retrying after an error (boom), 3 s", 3) == "Đang chờ 3 giây (thử lại sau lỗi (boom))"
    assert texts.waiting_reason_text("slowing down after rate limits") == "đang giảm tốc sau khi bị giới hạn tốc độ"
    assert texts.warning_text("7 NUL byte(s) were removed from the file.") == "Đã xóa 7 byte NUL khỏi tệp."
    assert texts.number(3996) == "3.996"
    assert texts.percent(0.42) == "42%"


def jobs_blocked(n: int) -> str:
    return f"{n} row(s) have an invalid phone number: fix them, or choose to skip or include invalid rows."


def test_english_is_unchanged(qapp: QApplication) -> None:
    languages = LanguageManager(I18N_DIR)
    languages.apply("en")
    try:
        for code, text in REASONS.items():
            assert texts.phone_reason_text(code) == text
            assert texts.phone_message_text(text, code) == text
        assert texts.mapping_reason_text(MAPPING) == MAPPING
        assert texts.input_error_text("empty", sniff.MSG_EMPTY) == sniff.MSG_EMPTY
        assert texts.outcome_reason_text(OUTCOME) == OUTCOME
        assert texts.waiting_text("retrying after an error (boom), 3 s", 3) == (
            "Waiting 3 s (retrying after an error (boom))")
        assert texts.number(3996) == "3,996"
    finally:
        languages.clear()


def test_unknown_codes_fall_back_to_english(vietnamese: None) -> None:
    assert texts.phone_reason_text("brand_new", "A new reason.") == "A new reason."
    assert texts.phone_reason_text("brand_new") == "brand_new"
    assert texts.fix_text("brand_new") == "brand_new"
    assert texts.mapping_reason_text("guessed by magic") == "guessed by magic"
    assert texts.input_error_text("brand_new", "Something odd.") == "Something odd."
    assert texts.outcome_reason_text("Cellcast: number blocked") == "Cellcast: number blocked"
    assert texts.outcome_reason_text("not sent: Cellcast said no") == "chưa gửi: Cellcast said no"
    assert texts.waiting_reason_text("thinking") == "thinking"
    assert texts.phone_message_text("Removed the leading apostrophe. And more.") == (
        "Removed the leading apostrophe. And more.")


def test_catalogue_matches_the_qt_free_layers() -> None:
    assert cat.PHONE_REASONS == dict(REASONS)
    constants = {getattr(sniff, name) for name in dir(sniff) if name.startswith("MSG_")}
    constants |= {jobs.SOURCE_CHANGED, jobs.SOURCE_MISSING, jobs.MAPPING_CHANGED}
    assert constants <= {m for ms in cat_input.INPUT_MESSAGES.values() for m in ms}


def test_real_layer_outputs_are_translated(vietnamese: None) -> None:
    for cell in ("", "=A1", "8.49012E+10", "abc", "0123", "01631234567", "+99912345", "'0901234567",
                 "901234567", 84901234567.0):
        result = normalize_phone(cell, "VN")
        assert result.message
        assert texts.phone_message_text(result.message, result.reason) != result.message, cell
    for cell in ("901234567", 84901234567, "84901234567.0", "'0901234567", "０９０１２３４５６７",
                 "٠٩٠١٢٣٤٥٦٧", "0901\u00a0234567", "0901\u200b234567"):  # every repair (FIX_ORDER)
        result = normalize_phone(cell, "VN")
        assert result.status == "fixed" and result.fix in cat.FIX_MESSAGES, cell
        assert texts.phone_message_text(result.message) == texts.fix_text(result.fix), cell
    mapping = propose_mapping(["STT", "Số điện thoại", "Email", "Ghi chú"], [])
    assert texts.mapping_reason_text(mapping.reasons["phone"]) == "từ đồng nghĩa tiếng Việt 'Số điện thoại'"
    assert texts.mapping_reason_text(mapping.reasons["email"]) == "tiêu đề khớp chính xác 'Email'"
    assert texts.outcome_reason_text(engine.UNREACHABLE_MESSAGE.format(error="x")) == (
        "không kết nối được nhà cung cấp, sẽ tự tiếp tục (x)")
    assert texts.outcome_reason_text(engine.NOT_ANSWERING_MESSAGE.format(error="x")) == (
        "nhà cung cấp không trả lời (x)")
    error = describe_import_error(ImportInputError(sniff.MSG_ENCRYPTED, kind="encrypted"))
    assert error.message.startswith("Sổ làm việc này được bảo vệ bằng mật khẩu")


def test_display_sites_use_the_language(vietnamese: None, qtbot: QtBot) -> None:
    record = RowRecord(row=5, status=RowStatus.INVALID, phone=None, original_phone="abc", name="", email="",
                       reason="not_a_number", message=REASONS["not_a_number"], suggestion=None)
    assert ReviewModel().problem_text(record) == "Đây không phải là số điện thoại (có chữ cái hoặc ký tự khác)."
    dialog = AddContactDialog(provider_info("stringee"), "CA100001")
    qtbot.addWidget(dialog)
    dialog.phone.setText("12")
    assert dialog.phone_status.text().startswith("Quá ít chữ số cho một số điện thoại")


def test_provider_target_labels_are_in_the_catalogue(vietnamese: None) -> None:
    labels = {t.label for info in all_infos() for t in info.targets}
    assert labels <= set(PROVIDER_TEXTS)
    assert QCoreApplication.translate("ProviderText", "Campaign id (CA…)") == "Mã chiến dịch (CA…)"
    assert QCoreApplication.translate("ProviderText", "Tags (by name)") == "Thẻ (theo tên)"
