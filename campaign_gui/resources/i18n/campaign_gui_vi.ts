<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiện</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Nhà cung cấp:</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Tên tài khoản:</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* bắt buộc</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL gốc</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL gốc:</translation>
    </message>
    <message>
        <source>Where keys are kept: {0}. Never in a file.</source>
        <translation>Nơi lưu khóa: {0}. Không bao giờ lưu trong tệp.</translation>
    </message>
    <message>
        <source>This demo account&apos;s key is kept for this session only.</source>
        <translation>Khóa của tài khoản demo này chỉ được giữ trong phiên làm việc này.</translation>
    </message>
    <message>
        <source>This account&apos;s key is kept for this session only.</source>
        <translation>Khóa của tài khoản này chỉ được giữ trong phiên làm việc này.</translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation>Chỉ giữ trong phiên này</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Xóa tài khoản…</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>Để trống để giữ khóa đã lưu</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>Vui lòng điền: {0}</translation>
    </message>
    <message>
        <source>In the Stringee dashboard, your project&apos;s API keys list each key SID (SK…) with its secret.</source>
        <translation>Trong bảng điều khiển Stringee, mục API keys của dự án liệt kê từng key SID (SK…) cùng secret của nó.</translation>
    </message>
    <message>
        <source>In your SMS.by personal account, the API page shows your token.</source>
        <translation>Trong tài khoản cá nhân SMS.by, trang API hiển thị token của bạn.</translation>
    </message>
    <message>
        <source>In Alohub, the API settings show the tenant ID and the API key; the user name is the one you sign in with.</source>
        <translation>Trong Alohub, phần cài đặt API hiển thị tenant ID và API key; tên người dùng là tên bạn dùng để đăng nhập.</translation>
    </message>
    <message>
        <source>In the Cellcast dashboard, API Keys shows your API key.</source>
        <translation>Trong bảng điều khiển Cellcast, mục API Keys hiển thị API key của bạn.</translation>
    </message>
    <message>
        <source>On the Dynamic Messaging client website, API Keys is where you create the key.</source>
        <translation>Trên trang web khách hàng của Dynamic Messaging, mục API Keys là nơi bạn tạo khóa.</translation>
    </message>
    <message>
        <source>Enter the {0}.</source>
        <translation>Hãy nhập {0}.</translation>
    </message>
    <message>
        <source>The key could not be stored in the system keyring: {0}</source>
        <translation>Không thể lưu khóa vào kho khóa của hệ thống: {0}</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <source>Connected: {0}</source>
        <translation>Đã kết nối: {0}</translation>
    </message>
    <message>
        <source>Connection failed: {0}</source>
        <translation>Kết nối thất bại: {0}</translation>
    </message>
    <message>
        <source>Save the account?</source>
        <translation>Lưu tài khoản?</translation>
    </message>
    <message>
        <source>The connection test just failed: {0}

Save the account anyway?</source>
        <translation>Lần kiểm tra kết nối vừa rồi thất bại: {0}

Vẫn lưu tài khoản?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Vẫn lưu</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n chiến dịch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailing list(s)</source>
        <translation>
            <numerusform>%n danh sách gửi tin</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance: {0} SMS credits</source>
        <translation>Số dư: {0} tin nhắn SMS</translation>
    </message>
    <message>
        <source>Key accepted (campaigns are entered by id)</source>
        <translation>Khóa hợp lệ (chiến dịch được nhập theo mã)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Xóa tài khoản</translation>
    </message>
    <message>
        <source>Remove the account “{0}” and forget its key? Campaigns and contacts at the provider are not touched.</source>
        <translation>Xóa tài khoản “{0}” và quên khóa của nó? Chiến dịch và liên hệ tại nhà cung cấp không bị ảnh hưởng.</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>nowhere permanent (no usable system keyring: keys are kept for this session only)</source>
        <translation>không lưu lâu dài (không có kho khóa hệ thống dùng được: khóa chỉ được giữ trong phiên này)</translation>
    </message>
</context>
<context>
    <name>AccountTreeModel</name>
    <message>
        <source>Demo account on the built-in sandbox; remove it when you no longer need it.</source>
        <translation>Tài khoản demo trên môi trường thử nghiệm tích hợp; hãy xóa khi bạn không cần nữa.</translation>
    </message>
    <message>
        <source>ID: {0}</source>
        <translation>Mã: {0}</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tất cả liên hệ</translation>
    </message>
    <message>
        <source>{0} · Demo</source>
        <translation>{0} · Demo</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>AccountTreeView</name>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Add campaign by id…</source>
        <translation>Thêm chiến dịch theo mã…</translation>
    </message>
    <message>
        <source>Add list by id or name…</source>
        <translation>Thêm danh sách theo mã hoặc tên…</translation>
    </message>
    <message>
        <source>Edit account…</source>
        <translation>Sửa tài khoản…</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Xóa tài khoản…</translation>
    </message>
    <message>
        <source>Forget this entry</source>
        <translation>Bỏ mục này</translation>
    </message>
</context>
<context>
    <name>AddContactDialog</name>
    <message>
        <source>Add contact</source>
        <translation>Thêm liên hệ</translation>
    </message>
    <message>
        <source>Phone number (region {0})</source>
        <translation>Số điện thoại (vùng {0})</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Adding to:</source>
        <translation>Thêm vào:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>Will be added as {0}</source>
        <translation>Sẽ được thêm là {0}</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>Dùng {0}</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>&amp;Thêm liên hệ…</translation>
    </message>
    <message>
        <source>&amp;Delete contacts…</source>
        <translation>&amp;Xóa liên hệ…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Nhập bảng tính…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>Xuất ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Tải lại (F5)</translation>
    </message>
    <message>
        <source>This provider cannot add contacts.</source>
        <translation>Nhà cung cấp này không cho phép thêm liên hệ.</translation>
    </message>
    <message>
        <source>Choose a campaign or a contact list first.</source>
        <translation>Hãy chọn một chiến dịch hoặc danh sách liên hệ trước.</translation>
    </message>
    <message>
        <source>Add a contact by hand (Ctrl+N)</source>
        <translation>Thêm liên hệ thủ công (Ctrl+N)</translation>
    </message>
    <message>
        <source>This provider cannot delete contacts.</source>
        <translation>Nhà cung cấp này không cho phép xóa liên hệ.</translation>
    </message>
    <message>
        <source>Select the contacts to delete.</source>
        <translation>Chọn các liên hệ cần xóa.</translation>
    </message>
    <message numerus="yes">
        <source>{0} allows deleting only pending contacts; %n of the selected contact(s) are already called or in a call.</source>
        <translation>
            <numerusform>{0} chỉ cho phép xóa liên hệ đang chờ; %n liên hệ đã chọn đã được gọi hoặc đang trong cuộc gọi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending contact(s), keep the others (Del)</source>
        <translation>
            <numerusform>Xóa %n liên hệ đang chờ, giữ lại các liên hệ khác (Del)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the selected contacts (Del)</source>
        <translation>Xóa các liên hệ đã chọn (Del)</translation>
    </message>
    <message>
        <source>Save every contact of this view to an .xlsx file</source>
        <translation>Lưu mọi liên hệ của mục này vào tệp .xlsx</translation>
    </message>
    <message>
        <source>Choose a campaign or list that shows contacts.</source>
        <translation>Hãy chọn chiến dịch hoặc danh sách có hiển thị liên hệ.</translation>
    </message>
    <message>
        <source>Import a spreadsheet (Ctrl+I)</source>
        <translation>Nhập bảng tính (Ctrl+I)</translation>
    </message>
    <message>
        <source>Search the contacts (Ctrl+F)</source>
        <translation>Tìm liên hệ (Ctrl+F)</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tất cả liên hệ</translation>
    </message>
    <message>
        <source>Checking whether {0} is already there…</source>
        <translation>Đang kiểm tra xem {0} đã có chưa…</translation>
    </message>
    <message>
        <source>Already in this list</source>
        <translation>Đã có trong danh sách này</translation>
    </message>
    <message>
        <source>{0} is already here ({1}). Add a second copy anyway?</source>
        <translation>{0} đã có ở đây ({1}). Vẫn thêm một bản thứ hai?</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Vẫn thêm</translation>
    </message>
    <message>
        <source>Not added: {0} is already there.</source>
        <translation>Chưa thêm: {0} đã có sẵn.</translation>
    </message>
    <message>
        <source>Adding {0}…</source>
        <translation>Đang thêm {0}…</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending contact(s):</source>
        <translation>
            <numerusform>Xóa %n liên hệ đang chờ:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n in a call or already processed (the provider cannot delete them):</source>
        <translation>
            <numerusform>Giữ lại %n liên hệ đang gọi hoặc đã xử lý (nhà cung cấp không xóa được):</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Xóa liên hệ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s) at the provider? This cannot be undone.</source>
        <translation>
            <numerusform>Xóa %n liên hệ tại nhà cung cấp? Không thể hoàn tác.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending</source>
        <translation>
            <numerusform>Xóa %n liên hệ đang chờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n liên hệ khác</numerusform>
        </translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation>Đã thêm {0}.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s).</source>
        <translation>
            <numerusform>Đã xóa %n liên hệ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add the contact</source>
        <translation>Không thêm được liên hệ</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Không xóa được</translation>
    </message>
    <message>
        <source>Importing spreadsheets arrives with the import wizard (Imports panel).</source>
        <translation>Tính năng nhập bảng tính sẽ có cùng trình hướng dẫn nhập (bảng Nhập dữ liệu).</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Xuất liên hệ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ làm việc Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>Đang xuất liên hệ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message numerus="yes">
        <source>Exporting contacts… %n done</source>
        <translation>
            <numerusform>Đang xuất liên hệ… đã xong %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to {0}.</source>
        <translation>
            <numerusform>Đã xuất %n liên hệ vào {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Xuất thất bại: {0}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Đã hủy xuất.</translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <source>Customer ID</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>Kết quả cuộc gọi</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation>Tùy chỉnh 1</translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation>Tùy chỉnh 2</translation>
    </message>
    <message>
        <source>in a call</source>
        <translation>đang gọi</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>đã nghe máy</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>không nghe máy</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>máy bận</translation>
    </message>
    <message>
        <source>call failed</source>
        <translation>gọi không thành công</translation>
    </message>
</context>
<context>
    <name>ContactExport</name>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>Kết quả cuộc gọi</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation>Tùy chỉnh 1</translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation>Tùy chỉnh 2</translation>
    </message>
</context>
<context>
    <name>ContactStatus</name>
    <message>
        <source>pending</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <source>in call</source>
        <translation>đang gọi</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>đã xử lý</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>đã hủy đăng ký</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <source>Choose a campaign or a contact list on the left.</source>
        <translation>Chọn một chiến dịch hoặc danh sách liên hệ ở bên trái.</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Tìm kiếm (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Tìm liên hệ</translation>
    </message>
    <message>
        <source>Contacts per page</source>
        <translation>Số liên hệ mỗi trang</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Cỡ trang:</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Tìm trong</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>Các dòng đã tải</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>List name</source>
        <translation>Tên danh sách</translation>
    </message>
    <message>
        <source>No contact matches “{0}”.</source>
        <translation>Không có liên hệ nào khớp với “{0}”.</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n loaded contact(s) were searched.</source>
        <translation>
            <numerusform>Chỉ tìm trong %n liên hệ đã tải.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) loaded</source>
        <translation>
            <numerusform>Đã tải %n liên hệ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n liên hệ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n loaded)</source>
        <translation>
            <numerusform>(đã tải %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>hiển thị %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The search looks through the contacts loaded so far; clear it to load more.</source>
        <translation>Ô tìm kiếm chỉ lọc các liên hệ đã tải; xoá nội dung tìm kiếm để tải thêm.</translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Mã</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <source>Something went wrong ({0}): {1}

The details are in the log in {2}.</source>
        <translation>Đã xảy ra lỗi ({0}): {1}

Chi tiết có trong nhật ký tại {2}.</translation>
    </message>
</context>
<context>
    <name>DataFiles</name>
    <message>
        <source>A data file is damaged</source>
        <translation>Một tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The accounts file {0} is damaged and cannot be read. Restore it from a backup, or move it to another folder to start with no accounts; then start Campaign Manager again.</source>
        <translation>Tệp tài khoản {0} bị hỏng và không đọc được. Hãy khôi phục nó từ bản sao lưu, hoặc chuyển nó sang thư mục khác để bắt đầu lại không có tài khoản nào; sau đó mở lại Campaign Manager.</translation>
    </message>
    <message>
        <source>The settings file {0} is damaged and cannot be read. Restore it from a backup, or move it to another folder to start with the default settings; then start Campaign Manager again.</source>
        <translation>Tệp cài đặt {0} bị hỏng và không đọc được. Hãy khôi phục nó từ bản sao lưu, hoặc chuyển nó sang thư mục khác để dùng cài đặt mặc định; sau đó mở lại Campaign Manager.</translation>
    </message>
    <message>
        <source>The import journal {0} is damaged and cannot be read. Move it (and any {1}-wal and {1}-shm beside it) to another folder to start a new journal; the jobs recorded in it will no longer be listed or resumable. Then start Campaign Manager again.</source>
        <translation>Nhật ký nhập {0} bị hỏng và không đọc được. Hãy chuyển nó (cùng các tệp {1}-wal và {1}-shm bên cạnh, nếu có) sang thư mục khác để bắt đầu nhật ký mới; các lượt nhập đã ghi trong đó sẽ không còn được liệt kê hay tiếp tục được. Sau đó mở lại Campaign Manager.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo:&lt;/b&gt; data from the built-in sandbox, reset at every start. Nothing here reaches a real provider.</source>
        <translation>&lt;b&gt;Bản demo:&lt;/b&gt; dữ liệu từ môi trường thử nghiệm tích hợp, được đặt lại mỗi lần khởi động. Không có gì ở đây đến nhà cung cấp thật.</translation>
    </message>
    <message>
        <source>Demo: data from the built-in sandbox, reset at every start</source>
        <translation>Bản demo: dữ liệu từ môi trường thử nghiệm tích hợp, được đặt lại mỗi lần khởi động</translation>
    </message>
    <message>
        <source>Add your account…</source>
        <translation>Thêm tài khoản của bạn…</translation>
    </message>
    <message>
        <source>Connect a real account at a provider; the demo accounts can be removed from the tree</source>
        <translation>Kết nối một tài khoản thật tại nhà cung cấp; có thể xóa các tài khoản demo khỏi cây</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Đóng thông báo</translation>
    </message>
    <message>
        <source>{0} Waiting {1} s, then retrying automatically.</source>
        <translation>{0} Đang chờ {1} giây, sau đó tự động thử lại.</translation>
    </message>
    <message>
        <source>Re-enter the key…</source>
        <translation>Nhập lại khóa…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Thử lại ngay</translation>
    </message>
</context>
<context>
    <name>ExportService</name>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Không ghi được {0}: {1}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and sheet</source>
        <translation>Tệp và trang tính</translation>
    </message>
    <message>
        <source>Choose the spreadsheet, the account to import into, and the sheet to read.</source>
        <translation>Chọn bảng tính, tài khoản để nhập vào và trang tính cần đọc.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Import into:</source>
        <translation>Nhập vào:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Show hidden sheets</source>
        <translation>Hiện trang tính ẩn</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Số dòng</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>Add an account first (Accounts → Add account…).</source>
        <translation>Hãy thêm tài khoản trước (Tài khoản → Thêm tài khoản…).</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Chọn bảng tính</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>Đang đọc {0}…</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s).</source>
        <translation>
            <numerusform>%n trang tính.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden sheet(s) skipped.</source>
        <translation>
            <numerusform>Đã bỏ qua %n trang tính ẩn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Text encoding: {0}.</source>
        <translation>Bảng mã văn bản: {0}.</translation>
    </message>
    <message>
        <source>Several sheets hold phone numbers ({0}) and the first sheet “{1}” holds no contact list: choose the sheet to read.</source>
        <translation>Nhiều trang tính có số điện thoại ({0}) và trang đầu tiên “{1}” không có danh sách liên hệ: hãy chọn trang tính cần đọc.</translation>
    </message>
    <message>
        <source>Sheet “{0}” is selected: the first sheet “{1}” holds no contact list.</source>
        <translation>Đã chọn trang tính “{0}”: trang đầu tiên “{1}” không có danh sách liên hệ.</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ẩn</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>hiện</translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <source>Header row</source>
        <translation>Dòng tiêu đề</translation>
    </message>
    <message>
        <source>The row with the column names. Rows above it (titles, notes) are skipped. Click a row to choose another one; 0 means the sheet has no header row.</source>
        <translation>Dòng chứa tên cột. Các dòng phía trên (tiêu đề, ghi chú) bị bỏ qua. Nhấp vào một dòng để chọn dòng khác; 0 nghĩa là trang tính không có dòng tiêu đề.</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Dòng tiêu đề:</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>Đang đọc các dòng đầu…</translation>
    </message>
    <message>
        <source>Detected header: row {0}.</source>
        <translation>Đã nhận diện tiêu đề: dòng {0}.</translation>
    </message>
    <message>
        <source>No header row was found: the first row is data.</source>
        <translation>Không tìm thấy dòng tiêu đề: dòng đầu tiên là dữ liệu.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>The import journal failed</source>
        <translation>Nhật ký nhập bị lỗi</translation>
    </message>
    <message>
        <source>The report could not be written</source>
        <translation>Không ghi được báo cáo</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation>Bạn đã hủy.</translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation>Không dùng được tệp này</translation>
    </message>
    <message>
        <source>Imports are busy elsewhere</source>
        <translation>Việc nhập đang được thực hiện ở nơi khác</translation>
    </message>
    <message>
        <source>The job&apos;s account no longer exists: add it again, then resume.</source>
        <translation>Tài khoản của tác vụ không còn tồn tại: hãy thêm lại tài khoản rồi tiếp tục.</translation>
    </message>
    <message>
        <source>The import journal is damaged</source>
        <translation>Nhật ký nhập bị hỏng</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>The disk is full: the import was not started and nothing was sent. Free some space, then start the import again.</source>
        <translation>Ổ đĩa đã đầy: lượt nhập chưa bắt đầu và chưa gửi gì cả. Hãy giải phóng dung lượng rồi bắt đầu nhập lại.</translation>
    </message>
    <message>
        <source>The job&apos;s account no longer exists: add it again, then verify.</source>
        <translation>Tài khoản của tác vụ không còn nữa: hãy thêm lại, rồi kiểm tra.</translation>
    </message>
</context>
<context>
    <name>ImportJobs</name>
    <message>
        <source>No row needs verification.</source>
        <translation>Không có dòng nào cần kiểm tra.</translation>
    </message>
    <message>
        <source>{0} cannot be read back from here: check these rows in its portal.</source>
        <translation>Không thể đọc lại dữ liệu từ {0} tại đây: hãy kiểm tra các dòng này trên cổng của nhà cung cấp.</translation>
    </message>
    <message>
        <source>The job is running: it checks by itself when its batches are sent.</source>
        <translation>Tác vụ đang chạy: tác vụ sẽ tự kiểm tra khi đã gửi xong các lô.</translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>{0} is a folder, not a spreadsheet.</source>
        <translation>{0} là thư mục, không phải bảng tính.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Không đọc được {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ImportSupport</name>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Nhập bảng tính…</translation>
    </message>
    <message>
        <source>These files cannot be imported:</source>
        <translation>Không thể nhập các tệp sau:</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Không thể nhập</translation>
    </message>
    <message>
        <source>New campaign from {0}</source>
        <translation>Chiến dịch mới từ {0}</translation>
    </message>
    <message>
        <source>tag {0}</source>
        <translation>thẻ {0}</translation>
    </message>
    <message>
        <source>Resume imports?</source>
        <translation>Tiếp tục các lần nhập?</translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) did not finish last time:</source>
        <translation>
            <numerusform>%n lần nhập chưa hoàn tất ở lần trước:</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume them now? Rows already sent are not sent again.</source>
        <translation>Tiếp tục ngay bây giờ? Các dòng đã gửi sẽ không bị gửi lại.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Imports are running</source>
        <translation>Đang có lần nhập chạy</translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) are still running. Stop them and quit? Each stops after its current batch and can be resumed at the next start.</source>
        <translation>
            <numerusform>%n lần nhập vẫn đang chạy. Dừng chúng và thoát? Mỗi lần nhập dừng sau lô hiện tại và có thể tiếp tục ở lần khởi động sau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused import(s) can be resumed at the next start too.</source>
        <translation>
            <numerusform>%n lượt nhập đang tạm dừng cũng có thể tiếp tục ở lần mở sau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imports are paused</source>
        <translation>Các lượt nhập đang tạm dừng</translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) are paused. Quit? Each can be resumed at the next start.</source>
        <translation>
            <numerusform>%n lượt nhập đang tạm dừng. Thoát? Mỗi lượt có thể tiếp tục ở lần mở sau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Dừng và thoát</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Tiếp tục chạy</translation>
    </message>
    <message>
        <source>Stopping the imports after their current batch…</source>
        <translation>Đang dừng các lần nhập sau lô hiện tại…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import {0}</source>
        <translation>Nhập {0}</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Nhập bảng tính</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>JobsArea</name>
    <message>
        <source>Imports</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>No imports yet. Drop a spreadsheet on a campaign or list to import contacts; running and interrupted imports will be listed here.</source>
        <translation>Chưa có lần nhập nào. Kéo thả một bảng tính vào chiến dịch hoặc danh sách để nhập liên hệ; các lần nhập đang chạy và bị gián đoạn sẽ được liệt kê ở đây.</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Đích</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>No imports yet. Drop a spreadsheet on the window, or use File → Import…</source>
        <translation>Chưa có lần nhập nào. Kéo thả một bảng tính vào cửa sổ, hoặc dùng Tệp → Nhập…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>Kết quả…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <source>The import journal cannot be read: {0}</source>
        <translation>Không đọc được nhật ký nhập: {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>, {0} rows/s</source>
        <translation>, {0} dòng/giây</translation>
    </message>
    <message>
        <source>{0} of {1} ({2}){3}</source>
        <translation>{0} / {1} ({2}){3}</translation>
    </message>
    <message>
        <source>{0} added, {1} not added</source>
        <translation>đã thêm {0}, không thêm {1}</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>đang chuẩn bị</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>tạm dừng</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>bị gián đoạn</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ làm việc Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>Kiểm tra ngay</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>đang kiểm tra</translation>
    </message>
    <message>
        <source>Read the target back at the provider: rows found count as added, rows proven missing are sent again</source>
        <translation>Đọc lại đích tại nhà cung cấp: các dòng tìm thấy được tính là đã thêm, các dòng chắc chắn bị thiếu sẽ được gửi lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo mode could not start: {0}</source>
        <translation>Không khởi động được chế độ demo: {0}</translation>
    </message>
    <message>
        <source>Campaign Manager</source>
        <translation>Quản lý chiến dịch</translation>
    </message>
    <message>
        <source>Add &amp;account…</source>
        <translation>Thêm &amp;tài khoản…</translation>
    </message>
    <message>
        <source>Add an account at a provider</source>
        <translation>Thêm tài khoản tại một nhà cung cấp</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>&amp;Sửa tài khoản…</translation>
    </message>
    <message>
        <source>&amp;Remove account…</source>
        <translation>&amp;Xóa tài khoản…</translation>
    </message>
    <message>
        <source>Add a campaign or list &amp;by id…</source>
        <translation>Thêm chiến dịch hoặc danh sách &amp;theo mã…</translation>
    </message>
    <message>
        <source>For providers whose API cannot list them (Stringee campaigns, Cellcast lists)</source>
        <translation>Dành cho nhà cung cấp có API không liệt kê được (chiến dịch Stringee, danh sách Cellcast)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;About Campaign Manager</source>
        <translation>&amp;Giới thiệu Quản lý chiến dịch</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation>Tài &amp;khoản</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Liên hệ</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <source>Accounts, campaigns and lists</source>
        <translation>Tài khoản, chiến dịch và danh sách</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <source>No accounts yet. Use “Add account…” to connect a provider.</source>
        <translation>Chưa có tài khoản. Dùng “Thêm tài khoản…” để kết nối một nhà cung cấp.</translation>
    </message>
    <message>
        <source>Choose a campaign or a contact list on the left.</source>
        <translation>Chọn một chiến dịch hoặc danh sách liên hệ ở bên trái.</translation>
    </message>
    <message>
        <source>{0} at {1}.</source>
        <translation>{0} tại {1}.</translation>
    </message>
    <message>
        <source>Its API cannot list campaigns: right-click the account to add one by id.</source>
        <translation>API của nhà cung cấp này không liệt kê được chiến dịch: nhấp chuột phải vào tài khoản để thêm theo mã.</translation>
    </message>
    <message>
        <source>Its API cannot list contact lists: right-click the account to add one.</source>
        <translation>API của nhà cung cấp này không liệt kê được danh sách liên hệ: nhấp chuột phải vào tài khoản để thêm.</translation>
    </message>
    <message>
        <source>Open it to see its campaigns and lists.</source>
        <translation>Mở ra để xem các chiến dịch và danh sách.</translation>
    </message>
    <message>
        <source>This provider cannot list contacts.</source>
        <translation>Nhà cung cấp này không liệt kê được liên hệ.</translation>
    </message>
    <message>
        <source>You can still add contacts here.</source>
        <translation>Bạn vẫn có thể thêm liên hệ vào đây.</translation>
    </message>
    <message>
        <source>Choose a contact list of this campaign to see its contacts.</source>
        <translation>Chọn một danh sách liên hệ của chiến dịch này để xem liên hệ.</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>Đã lưu tài khoản.</translation>
    </message>
    <message>
        <source>Account removed.</source>
        <translation>Đã xóa tài khoản.</translation>
    </message>
    <message>
        <source>Choose an account on the left first.</source>
        <translation>Hãy chọn một tài khoản ở bên trái trước.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Xóa tài khoản</translation>
    </message>
    <message>
        <source>Remove the account “{0}” and forget its key? Campaigns and contacts at the provider are not touched.</source>
        <translation>Xóa tài khoản “{0}” và quên khóa của nó? Chiến dịch và liên hệ tại nhà cung cấp không bị ảnh hưởng.</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>Không tải được {0}: {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Demo mode: the demo accounts use the built-in sandbox, which simulates the five providers on this computer. Its data is reset at every start and nothing reaches a real provider.</source>
        <translation>Chế độ demo: các tài khoản demo dùng môi trường thử nghiệm tích hợp, mô phỏng năm nhà cung cấp ngay trên máy này. Dữ liệu được đặt lại mỗi lần khởi động và không có gì đến nhà cung cấp thật.</translation>
    </message>
    <message>
        <source>About Campaign Manager</source>
        <translation>Giới thiệu Quản lý chiến dịch</translation>
    </message>
    <message>
        <source>Campaign Manager {0}
Browse and manage contacts of SMS and call-center campaigns at five providers.
Log: {1}</source>
        <translation>Quản lý chiến dịch {0}
Duyệt và quản lý liên hệ của các chiến dịch SMS và tổng đài tại năm nhà cung cấp.
Nhật ký: {1}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Check which column holds each field. The phone column is required; the reason for each proposed match is shown next to it.</source>
        <translation>Kiểm tra cột nào chứa từng trường. Cột số điện thoại là bắt buộc; lý do của mỗi ghép cột đề xuất được hiện bên cạnh.</translation>
    </message>
    <message>
        <source>Country for numbers without a +code:</source>
        <translation>Quốc gia cho số không có mã +:</translation>
    </message>
    <message>
        <source>Remember this mapping for this account and these columns</source>
        <translation>Ghi nhớ cách ghép này cho tài khoản và các cột này</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Họ</translation>
    </message>
    <message>
        <source>(report only)</source>
        <translation>(chỉ trong báo cáo)</translation>
    </message>
    <message>
        <source>{0} accepts: phone, {1}. Fields marked “report only” are not sent; they help you recognise rows in the report.</source>
        <translation>{0} nhận: số điện thoại, {1}. Các trường đánh dấu “chỉ trong báo cáo” không được gửi; chúng giúp bạn nhận ra các dòng trong báo cáo.</translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>không gì khác</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— không nhập —</translation>
    </message>
    <message>
        <source>no matching column</source>
        <translation>không có cột phù hợp</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>do bạn chọn</translation>
    </message>
</context>
<context>
    <name>PhoneCheck</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>Hãy nhập số điện thoại.</translation>
    </message>
    <message>
        <source>Not a valid phone number for region {0}.</source>
        <translation>Không phải số điện thoại hợp lệ của vùng {0}.</translation>
    </message>
</context>
<context>
    <name>ProviderText</name>
    <message>
        <source>Production</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Phát triển</translation>
    </message>
    <message>
        <source>API key secret</source>
        <translation>Mã bí mật của khóa API</translation>
    </message>
    <message>
        <source>API key SID (SK…)</source>
        <translation>SID của khóa API (SK…)</translation>
    </message>
    <message>
        <source>Campaign id (CA…)</source>
        <translation>Mã chiến dịch (CA…)</translation>
    </message>
    <message>
        <source>Stringee has no documented campaign list; add campaigns by id</source>
        <translation>Stringee không có API liệt kê chiến dịch; hãy thêm chiến dịch theo mã</translation>
    </message>
    <message>
        <source>Stringee has no documented campaign lookup; add campaigns by id</source>
        <translation>Stringee không có API tra cứu chiến dịch; hãy thêm chiến dịch theo mã</translation>
    </message>
    <message>
        <source>Stringee campaigns have no contact lists</source>
        <translation>Chiến dịch Stringee không có danh sách liên hệ</translation>
    </message>
    <message>
        <source>Stringee has no documented endpoint to list a campaign&apos;s contacts</source>
        <translation>Stringee không có API liệt kê liên hệ của chiến dịch</translation>
    </message>
    <message>
        <source>Stringee has no documented endpoint to remove a contact from a campaign</source>
        <translation>Stringee không có API xóa liên hệ khỏi chiến dịch</translation>
    </message>
    <message>
        <source>Stringee answers each batch at once; there are no jobs to poll</source>
        <translation>Stringee trả lời ngay từng lô; không có tác vụ cần theo dõi</translation>
    </message>
    <message>
        <source>Campaigns are created in the Stringee portal</source>
        <translation>Chiến dịch được tạo trên cổng Stringee</translation>
    </message>
    <message>
        <source>Campaigns are managed in the Stringee portal</source>
        <translation>Chiến dịch được quản lý trên cổng Stringee</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Mã token API</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Mailing list id</source>
        <translation>Mã danh sách gửi</translation>
    </message>
    <message>
        <source>SMS.by imports contacts into mailing lists; there are no campaigns to browse</source>
        <translation>SMS.by nhập liên hệ vào danh sách gửi; không có chiến dịch để duyệt</translation>
    </message>
    <message>
        <source>SMS.by has no documented endpoint to read the contacts of a mailing list</source>
        <translation>SMS.by không có API đọc liên hệ của danh sách gửi</translation>
    </message>
    <message>
        <source>SMS.by has no documented endpoint to remove a contact from a mailing list</source>
        <translation>SMS.by không có API xóa liên hệ khỏi danh sách gửi</translation>
    </message>
    <message>
        <source>SMS.by answers each import at once; there are no jobs to poll</source>
        <translation>SMS.by trả lời ngay từng lần nhập; không có tác vụ cần theo dõi</translation>
    </message>
    <message>
        <source>Mailings are created in the SMS.by portal</source>
        <translation>Đợt gửi được tạo trên cổng SMS.by</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Khóa API</translation>
    </message>
    <message>
        <source>Tenant id (optional)</source>
        <translation>Mã tenant (không bắt buộc)</translation>
    </message>
    <message>
        <source>User name (needed to list campaigns)</source>
        <translation>Tên người dùng (cần để liệt kê chiến dịch)</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>Mã chiến dịch</translation>
    </message>
    <message>
        <source>Contact list id</source>
        <translation>Mã danh sách liên hệ</translation>
    </message>
    <message>
        <source>New contact list name</source>
        <translation>Tên danh sách liên hệ mới</translation>
    </message>
    <message>
        <source>Alohub has no documented single-campaign lookup; browse the campaign list</source>
        <translation>Alohub không có API tra cứu một chiến dịch; hãy duyệt danh sách chiến dịch</translation>
    </message>
    <message>
        <source>Alohub creates a list when a bulk import names a new one</source>
        <translation>Alohub tạo danh sách khi một lần nhập hàng loạt đặt tên danh sách mới</translation>
    </message>
    <message>
        <source>Alohub deletes only pending contacts</source>
        <translation>Alohub chỉ xóa liên hệ đang chờ</translation>
    </message>
    <message>
        <source>Alohub has no server-side contact search</source>
        <translation>Alohub không hỗ trợ tìm liên hệ phía máy chủ</translation>
    </message>
    <message>
        <source>Alohub has no server-side contact sort</source>
        <translation>Alohub không hỗ trợ sắp xếp liên hệ phía máy chủ</translation>
    </message>
    <message>
        <source>Campaigns are created in the Alohub portal</source>
        <translation>Chiến dịch được tạo trên cổng Alohub</translation>
    </message>
    <message>
        <source>Campaigns are managed in the Alohub portal</source>
        <translation>Chiến dịch được quản lý trên cổng Alohub</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Họ</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Mã bưu chính</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Giao dịch mua</translation>
    </message>
    <message>
        <source>Lists (by name)</source>
        <translation>Danh sách (theo tên)</translation>
    </message>
    <message>
        <source>Tags (by name)</source>
        <translation>Thẻ (theo tên)</translation>
    </message>
    <message>
        <source>Cellcast has no campaigns for contacts; contacts live in lists and tags</source>
        <translation>Cellcast không có chiến dịch cho liên hệ; liên hệ nằm trong danh sách và thẻ</translation>
    </message>
    <message>
        <source>Cellcast has no list endpoint; lists are added by name</source>
        <translation>Cellcast không có API liệt kê danh sách; danh sách được thêm theo tên</translation>
    </message>
    <message>
        <source>Cellcast creates a list when an upload names it</source>
        <translation>Cellcast tạo danh sách khi một lần tải lên đặt tên cho nó</translation>
    </message>
    <message>
        <source>Cellcast filters contacts by list or tag only (no free-text search)</source>
        <translation>Cellcast chỉ lọc liên hệ theo danh sách hoặc thẻ (không tìm kiếm tự do)</translation>
    </message>
    <message>
        <source>Cellcast cannot sort contacts</source>
        <translation>Cellcast không sắp xếp được liên hệ</translation>
    </message>
    <message>
        <source>Cellcast&apos;s API has no way to delete a contact</source>
        <translation>API của Cellcast không có cách xóa liên hệ</translation>
    </message>
    <message>
        <source>Cellcast uploads are synchronous</source>
        <translation>Cellcast tải lên đồng bộ</translation>
    </message>
    <message>
        <source>Cellcast has no campaigns for contacts</source>
        <translation>Cellcast không có chiến dịch cho liên hệ</translation>
    </message>
    <message>
        <source>Added means accepted: Cellcast may update a contact that already exists</source>
        <translation>Đã thêm nghĩa là đã được chấp nhận: Cellcast có thể cập nhật liên hệ đã tồn tại</translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation>Tùy chỉnh 1</translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation>Tùy chỉnh 2</translation>
    </message>
    <message>
        <source>Campaign (only &apos;new&apos;)</source>
        <translation>Chiến dịch (chỉ &apos;new&apos;)</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Người gửi</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nội dung tin nhắn</translation>
    </message>
    <message>
        <source>Start (ISO 8601)</source>
        <translation>Bắt đầu (ISO 8601)</translation>
    </message>
    <message>
        <source>Ignore invalid numbers (true/false)</source>
        <translation>Bỏ qua số không hợp lệ (true/false)</translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot add contacts to an existing campaign: an import creates a new one</source>
        <translation>Dynamic Messaging không thêm được liên hệ vào chiến dịch có sẵn: mỗi lần nhập tạo một chiến dịch mới</translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot add contacts to an existing campaign</source>
        <translation>Dynamic Messaging không thêm được liên hệ vào chiến dịch có sẵn</translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot remove a contact from a campaign</source>
        <translation>Dynamic Messaging không xóa được liên hệ khỏi chiến dịch</translation>
    </message>
    <message>
        <source>Dynamic Messaging has no contact lists: contacts belong to a campaign</source>
        <translation>Dynamic Messaging không có danh sách liên hệ: liên hệ thuộc về chiến dịch</translation>
    </message>
    <message>
        <source>Dynamic Messaging creates a campaign in one request</source>
        <translation>Dynamic Messaging tạo chiến dịch trong một yêu cầu</translation>
    </message>
    <message>
        <source>Never retried automatically: a lost answer is checked by listing campaigns</source>
        <translation>Không bao giờ tự động thử lại: câu trả lời bị mất được kiểm tra bằng cách liệt kê chiến dịch</translation>
    </message>
    <message>
        <source>Stringee cannot list a campaign&apos;s contacts, so it cannot be checked from here: look in the Stringee portal</source>
        <translation>Stringee không liệt kê được liên hệ của chiến dịch nên không thể kiểm tra tại đây: hãy xem trên cổng Stringee</translation>
    </message>
    <message>
        <source>SMS.by cannot list a mailing list&apos;s contacts, so it cannot be checked from here: look in the SMS.by portal</source>
        <translation>SMS.by không liệt kê được liên hệ của danh sách gửi thư nên không thể kiểm tra tại đây: hãy xem trên cổng SMS.by</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>The phone cell is empty.</source>
        <translation>Ô số điện thoại đang trống.</translation>
    </message>
    <message>
        <source>The cell holds a formula, not a phone number.</source>
        <translation>Ô chứa công thức, không phải số điện thoại.</translation>
    </message>
    <message>
        <source>Excel turned this number into scientific notation (like 8.49012E+10) and its last digits are lost; format the column as text and type the number again.</source>
        <translation>Excel đã chuyển số này sang dạng số khoa học (như 8.49012E+10) và các chữ số cuối đã bị mất; hãy định dạng cột là văn bản rồi nhập lại số.</translation>
    </message>
    <message>
        <source>This is not a phone number (letters or other characters).</source>
        <translation>Đây không phải là số điện thoại (có chữ cái hoặc ký tự khác).</translation>
    </message>
    <message>
        <source>The cell holds a number with decimals, not a phone number.</source>
        <translation>Ô chứa số thập phân, không phải số điện thoại.</translation>
    </message>
    <message>
        <source>Too many digits for a phone number (more than 15).</source>
        <translation>Quá nhiều chữ số cho một số điện thoại (hơn 15).</translation>
    </message>
    <message>
        <source>Too few digits for a phone number.</source>
        <translation>Quá ít chữ số cho một số điện thoại.</translation>
    </message>
    <message>
        <source>The number of digits does not fit this country&apos;s phone numbers.</source>
        <translation>Số chữ số không khớp với số điện thoại của quốc gia này.</translation>
    </message>
    <message>
        <source>Unknown country code after the &apos;+&apos;.</source>
        <translation>Mã quốc gia sau dấu &apos;+&apos; không xác định.</translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation>Không phải là số điện thoại hợp lệ.</translation>
    </message>
    <message>
        <source>Not a valid number for this country; with a &apos;+&apos; in front it is a valid foreign number.</source>
        <translation>Không phải số hợp lệ của quốc gia này; nếu thêm dấu &apos;+&apos; phía trước thì là số nước ngoài hợp lệ.</translation>
    </message>
    <message>
        <source>Old 11-digit Vietnamese mobile number; the prefix changed in 2018.</source>
        <translation>Số di động Việt Nam 11 chữ số cũ; đầu số đã đổi vào năm 2018.</translation>
    </message>
    <message>
        <source>More than one phone number in one cell.</source>
        <translation>Có nhiều hơn một số điện thoại trong một ô.</translation>
    </message>
    <message>
        <source>Other text around the phone number.</source>
        <translation>Có chữ khác quanh số điện thoại.</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>Việt Nam</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Nga</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Belarus</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukraina</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kazakhstan</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Úc</translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation>Vương quốc Anh</translation>
    </message>
    <message>
        <source>the United States</source>
        <translation>Hoa Kỳ</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Trung Quốc</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>Thái Lan</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>Lào</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>Campuchia</translation>
    </message>
    <message>
        <source>the Philippines</source>
        <translation>Philippines</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>Malaysia</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapore</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>Hàn Quốc</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Nhật Bản</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Ấn Độ</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Đức</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Pháp</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Ba Lan</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Litva</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Latvia</translation>
    </message>
    <message>
        <source>Excel dropped the leading 0; read as a national number.</source>
        <translation>Excel đã bỏ số 0 ở đầu; đọc như số trong nước.</translation>
    </message>
    <message>
        <source>The cell was stored as a number; read as digits.</source>
        <translation>Ô được lưu dạng số; đọc thành các chữ số.</translation>
    </message>
    <message>
        <source>Removed the &apos;.0&apos; that Excel added.</source>
        <translation>Đã bỏ phần &apos;.0&apos; do Excel thêm vào.</translation>
    </message>
    <message>
        <source>Removed the leading apostrophe.</source>
        <translation>Đã bỏ dấu nháy đơn ở đầu.</translation>
    </message>
    <message>
        <source>Converted full-width digits.</source>
        <translation>Đã chuyển đổi chữ số toàn độ rộng.</translation>
    </message>
    <message>
        <source>Converted non-Latin digits.</source>
        <translation>Đã chuyển đổi chữ số không thuộc hệ Latinh.</translation>
    </message>
    <message>
        <source>Removed non-breaking or other special spaces.</source>
        <translation>Đã bỏ khoảng trắng không ngắt hoặc khoảng trắng đặc biệt khác.</translation>
    </message>
    <message>
        <source>Removed invisible characters.</source>
        <translation>Đã bỏ các ký tự vô hình.</translation>
    </message>
    <message>
        <source>Too few digits for a phone number ({0}).</source>
        <translation>Quá ít chữ số cho một số điện thoại ({0}).</translation>
    </message>
    <message>
        <source>The number of digits does not fit this country&apos;s phone numbers ({0}).</source>
        <translation>Số chữ số không khớp với số điện thoại của quốc gia này ({0}).</translation>
    </message>
    <message>
        <source>Not a valid phone number ({0}).</source>
        <translation>Không phải là số điện thoại hợp lệ ({0}).</translation>
    </message>
    <message>
        <source>Old 11-digit Vietnamese mobile number: prefix {0} became {1} in 2018. Suggested: {2}.</source>
        <translation>Số di động Việt Nam 11 chữ số cũ: đầu số {0} đã đổi thành {1} vào năm 2018. Đề xuất: {2}.</translation>
    </message>
    <message>
        <source>Not a valid {0} number; with a &apos;+&apos; in front it is a valid number of {1}: {2}.</source>
        <translation>Không phải số {0} hợp lệ; nếu thêm dấu &apos;+&apos; phía trước thì là số hợp lệ của {1}: {2}.</translation>
    </message>
    <message>
        <source>Too many digits for a phone number ({0}).</source>
        <translation>Quá nhiều chữ số cho một số điện thoại ({0}).</translation>
    </message>
    <message>
        <source>Two phone numbers in one cell: {0} and {1}.</source>
        <translation>Hai số điện thoại trong một ô: {0} và {1}.</translation>
    </message>
    <message>
        <source>{0} phone numbers in one cell: {1}.</source>
        <translation>{0} số điện thoại trong một ô: {1}.</translation>
    </message>
    <message>
        <source>Other text around the phone number: {0} was found in the cell.</source>
        <translation>Có chữ khác quanh số điện thoại: tìm thấy {0} trong ô.</translation>
    </message>
    <message>
        <source>Not a valid {0} number; a valid number of {1} ({2}): choose country {3}.</source>
        <translation>Không phải số hợp lệ của {0}; là số hợp lệ của {1} ({2}): hãy chọn quốc gia {3}.</translation>
    </message>
    <message>
        <source>Another number from the cell of row {0}: {1}.</source>
        <translation>Một số khác trong ô của dòng {0}: {1}.</translation>
    </message>
    <message>
        <source>Same phone number as row {0}.</source>
        <translation>Trùng số điện thoại với dòng {0}.</translation>
    </message>
    <message>
        <source>Accepted the suggested number {0}.</source>
        <translation>Đã chấp nhận số đề xuất {0}.</translation>
    </message>
    <message>
        <source>{0} only accepts {1} numbers; this one is {2}.</source>
        <translation>{0} chỉ nhận số {1}; số này là {2}.</translation>
    </message>
    <message>
        <source>A fixed-line number: {0} sends SMS, which a fixed line usually cannot receive.</source>
        <translation>Số điện thoại cố định: {0} gửi SMS, mà máy cố định thường không nhận được SMS.</translation>
    </message>
    <message>
        <source>The SMS.by mailing list id must be a number (got {0}).</source>
        <translation>Mã danh sách gửi SMS.by phải là một số (đang là {0}).</translation>
    </message>
    <message>
        <source>The Alohub campaign id must be a number (got {0}).</source>
        <translation>Mã chiến dịch Alohub phải là một số (đang là {0}).</translation>
    </message>
    <message>
        <source>The Alohub list id must be a number (got {0}).</source>
        <translation>Mã danh sách Alohub phải là một số (đang là {0}).</translation>
    </message>
    <message>
        <source>The start time must be an ISO 8601 time such as {0} (got {1}).</source>
        <translation>Thời gian bắt đầu phải theo định dạng ISO 8601, ví dụ {0} (đang là {1}).</translation>
    </message>
    <message>
        <source>Alohub has no campaign {0} for this account.</source>
        <translation>Tài khoản Alohub này không có chiến dịch {0}.</translation>
    </message>
    <message>
        <source>Alohub campaign {0} has no list {1}.</source>
        <translation>Chiến dịch Alohub {0} không có danh sách {1}.</translation>
    </message>
    <message>
        <source>SMS.by has no mailing list {0} for this account.</source>
        <translation>Tài khoản SMS.by này không có danh sách gửi {0}.</translation>
    </message>
    <message>
        <source>exact header &apos;{0}&apos;</source>
        <translation>tiêu đề khớp chính xác &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>English synonym &apos;{0}&apos;</source>
        <translation>từ đồng nghĩa tiếng Anh &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>Vietnamese synonym &apos;{0}&apos;</source>
        <translation>từ đồng nghĩa tiếng Việt &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>Russian synonym &apos;{0}&apos;</source>
        <translation>từ đồng nghĩa tiếng Nga &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>synonym &apos;{0}&apos;</source>
        <translation>từ đồng nghĩa &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>column content looks like phone numbers ({0}/{1})</source>
        <translation>nội dung cột trông giống số điện thoại ({0}/{1})</translation>
    </message>
    <message>
        <source>column content looks like email addresses ({0}/{1})</source>
        <translation>nội dung cột trông giống địa chỉ email ({0}/{1})</translation>
    </message>
    <message>
        <source>remembered from an earlier import (&apos;{0}&apos;)</source>
        <translation>ghi nhớ từ một lần nhập trước (&apos;{0}&apos;)</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Tệp trống.</translation>
    </message>
    <message>
        <source>This workbook is password-protected: remove the password in Excel (File → Info → Protect Workbook) and try again.</source>
        <translation>Sổ làm việc này được bảo vệ bằng mật khẩu: hãy gỡ mật khẩu trong Excel (Tệp → Thông tin → Bảo vệ Sổ làm việc) rồi thử lại.</translation>
    </message>
    <message>
        <source>This file was saved as a web page, not a real Excel workbook: open it in Excel and Save As .xlsx, then try again.</source>
        <translation>Tệp này được lưu dưới dạng trang web, không phải sổ làm việc Excel thật: hãy mở tệp trong Excel, chọn Lưu Như .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete (the workbook could not be unpacked): open it in Excel, save it again and retry.</source>
        <translation>Tệp bị hỏng hoặc không đầy đủ (không giải nén được sổ làm việc): hãy mở tệp trong Excel, lưu lại rồi thử lại.</translation>
    </message>
    <message>
        <source>This is not a spreadsheet or text file that can be read (supported: .xlsx, .xlsm, .xlsb, .xls, .ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt).</source>
        <translation>Đây không phải bảng tính hay tệp văn bản đọc được (hỗ trợ: .xlsx, .xlsm, .xlsb, .xls, .ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt).</translation>
    </message>
    <message>
        <source>This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?).</source>
        <translation>Tệp zip/Office này không chứa bảng tính (có phải là tài liệu Word hoặc PowerPoint không?).</translation>
    </message>
    <message>
        <source>This Office file is not a spreadsheet (is it a Word or PowerPoint document?).</source>
        <translation>Tệp Office này không phải bảng tính (có phải là tài liệu Word hoặc PowerPoint không?).</translation>
    </message>
    <message>
        <source>This is a Word document, not a spreadsheet: choose the Excel or CSV file with the contacts.</source>
        <translation>Đây là tài liệu Word, không phải bảng tính: hãy chọn tệp Excel hoặc CSV chứa danh bạ.</translation>
    </message>
    <message>
        <source>This is a PowerPoint presentation, not a spreadsheet: choose the Excel or CSV file with the contacts.</source>
        <translation>Đây là bản trình chiếu PowerPoint, không phải bảng tính: hãy chọn tệp Excel hoặc CSV chứa danh bạ.</translation>
    </message>
    <message>
        <source>This is an OpenDocument text or presentation saved as flat XML, not a spreadsheet: choose the spreadsheet with the contacts.</source>
        <translation>Đây là văn bản hoặc bản trình chiếu OpenDocument lưu dạng XML phẳng, không phải bảng tính: hãy chọn bảng tính chứa danh bạ.</translation>
    </message>
    <message>
        <source>This is a SYLK file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là tệp SYLK nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a DIF file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là tệp DIF nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a Quattro Pro workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là sổ làm việc Quattro Pro nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a Lotus 1-2-3 worksheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là trang tính Lotus 1-2-3 nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a Microsoft Works spreadsheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là bảng tính Microsoft Works nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a StarCalc workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là sổ làm việc StarCalc nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is a Gnumeric workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là sổ làm việc Gnumeric nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is an XML file, but not a spreadsheet saved by Excel or LibreOffice: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Đây là tệp XML nhưng không phải bảng tính do Excel hoặc LibreOffice lưu: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>This is an Apple Numbers document, which cannot be read: open it in Numbers and export it to Excel (File → Export To → Excel), then try again.</source>
        <translation>Đây là tài liệu Apple Numbers nên không đọc được: hãy mở tệp trong Numbers, xuất sang Excel (Tệp → Xuất sang → Excel) rồi thử lại.</translation>
    </message>
    <message>
        <source>This workbook was saved by a very old Excel (version 2, 3 or 4): open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Sổ làm việc này được lưu bởi một phiên bản Excel rất cũ (phiên bản 2, 3 hoặc 4): hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>The workbook unpacks to far more data than it holds (a &apos;zip bomb&apos; or a damaged file); it was not opened.</source>
        <translation>Sổ làm việc giải nén ra lượng dữ liệu lớn hơn rất nhiều so với kích thước của nó (&apos;zip bomb&apos; hoặc tệp bị hỏng); tệp không được mở.</translation>
    </message>
    <message>
        <source>The workbook is too large once unpacked (over 3 GB); split it into smaller files.</source>
        <translation>Sổ làm việc quá lớn sau khi giải nén (trên 3 GB); hãy chia thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <source>The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened.</source>
        <translation>Tệp chứa cấu trúc XML không được phép (khai báo DTD hoặc thực thể); tệp không được mở.</translation>
    </message>
    <message>
        <source>The header row must be 1 or more (0 = no header).</source>
        <translation>Dòng tiêu đề phải từ 1 trở lên (0 = không có tiêu đề).</translation>
    </message>
    <message>
        <source>No phone column was found: choose which column holds the phone numbers (e.g. --map phone=B).</source>
        <translation>Không tìm thấy cột số điện thoại: hãy chọn cột chứa số điện thoại (ví dụ --map phone=B).</translation>
    </message>
    <message>
        <source>the source file changed since the import started; start a new import</source>
        <translation>tệp nguồn đã thay đổi kể từ khi bắt đầu nhập; hãy bắt đầu một lần nhập mới</translation>
    </message>
    <message>
        <source>the source file is gone since the import started; start a new import</source>
        <translation>tệp nguồn không còn nữa kể từ khi bắt đầu nhập; hãy bắt đầu một lần nhập mới</translation>
    </message>
    <message>
        <source>the column mapping or settings changed since the import started; start a new import</source>
        <translation>cách ghép cột hoặc thiết lập đã thay đổi kể từ khi bắt đầu nhập; hãy bắt đầu một lần nhập mới</translation>
    </message>
    <message>
        <source>File not found: {0}</source>
        <translation>Không tìm thấy tệp: {0}</translation>
    </message>
    <message>
        <source>{0} is a folder, not a file.</source>
        <translation>{0} là thư mục, không phải tệp.</translation>
    </message>
    <message>
        <source>No import job {0} in this data directory</source>
        <translation>Không có tác vụ nhập {0} trong thư mục dữ liệu này</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Không đọc được {0}: {1}</translation>
    </message>
    <message>
        <source>There is no sheet {0} in this file (sheets: {1}).</source>
        <translation>Tệp này không có trang tính {0} (các trang tính: {1}).</translation>
    </message>
    <message>
        <source>This old Excel workbook is written in the {0} code page ({1}), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation>Sổ làm việc Excel cũ này dùng bảng mã {0} ({1}) nên không đọc được: hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>Unknown text encoding {0}.</source>
        <translation>Bảng mã văn bản không xác định: {0}.</translation>
    </message>
    <message>
        <source>The text file could not be read near line {0}: {1} (an unclosed quote?)</source>
        <translation>Không đọc được tệp văn bản ở gần dòng {0}: {1} (có dấu ngoặc kép chưa đóng?)</translation>
    </message>
    <message>
        <source>{0} row(s) have an invalid phone number: fix them, or choose to skip or include invalid rows.</source>
        <translation>{0} dòng có số điện thoại không hợp lệ: hãy sửa, hoặc chọn bỏ qua hay gửi cả các dòng không hợp lệ.</translation>
    </message>
    <message>
        <source>Several sheets hold phone numbers ({0} in their first rows) and the first sheet holds no contact list: choose the sheet to read (--sheet NAME).</source>
        <translation>Nhiều trang tính có số điện thoại ({0} ở các dòng đầu) và trang đầu tiên không có danh sách liên hệ: hãy chọn trang tính cần đọc (--sheet TÊN).</translation>
    </message>
    <message>
        <source>Job {0} has already ended ({1}); nothing to resume</source>
        <translation>Tác vụ {0} đã kết thúc ({1}); không có gì để tiếp tục</translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: merged cells {1} and {2} more: only the top-left cell of each holds a value; the other cells are read as empty.</source>
        <translation>Trang tính &apos;{0}&apos;: ô gộp {1} và {2} vùng khác: chỉ ô trên cùng bên trái của mỗi vùng có giá trị; các ô còn lại được đọc là trống.</translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: merged cells {1}: only the top-left cell of each holds a value; the other cells are read as empty.</source>
        <translation>Trang tính &apos;{0}&apos;: ô gộp {1}: chỉ ô trên cùng bên trái của mỗi vùng có giá trị; các ô còn lại được đọc là trống.</translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: {1} formula cell(s) have no saved value ({2}); they are read as empty. Open the file in Excel and save it to store the values.</source>
        <translation>Trang tính &apos;{0}&apos;: {1} ô công thức chưa có giá trị được lưu ({2}); các ô này được đọc là trống. Hãy mở tệp trong Excel và lưu lại để lưu các giá trị.</translation>
    </message>
    <message>
        <source>Read sheet &apos;{0}&apos;: the first sheet &apos;{1}&apos; holds no contact list.</source>
        <translation>Đã đọc trang tính &apos;{0}&apos;: trang đầu tiên &apos;{1}&apos; không có danh sách liên hệ.</translation>
    </message>
    <message>
        <source>Most phone numbers look like numbers of {0} ({1}), not of {2} ({3}): choose country {4}.</source>
        <translation>Phần lớn số điện thoại trông như số của {0} ({1}), không phải của {2} ({3}): hãy chọn quốc gia {4}.</translation>
    </message>
    <message>
        <source>{0} NUL byte(s) were removed from the file.</source>
        <translation>Đã xóa {0} byte NUL khỏi tệp.</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <source>not sent: the import was cancelled</source>
        <translation>chưa gửi: lần nhập đã bị hủy</translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation>không được tải lên</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>đã bị người dùng hủy</translation>
    </message>
    <message>
        <source>paused by the user</source>
        <translation>đã bị người dùng tạm dừng</translation>
    </message>
    <message>
        <source>interrupted; resume the job to continue</source>
        <translation>bị gián đoạn; hãy tiếp tục tác vụ để làm tiếp</translation>
    </message>
    <message>
        <source>sent when the app stopped; the answer was lost: check at the provider</source>
        <translation>đã gửi khi ứng dụng dừng; câu trả lời bị mất: hãy kiểm tra tại nhà cung cấp</translation>
    </message>
    <message>
        <source>the app stopped while the campaign was being created</source>
        <translation>ứng dụng đã dừng trong khi đang tạo chiến dịch</translation>
    </message>
    <message>
        <source>the provider did not say what happened to this row</source>
        <translation>nhà cung cấp không cho biết điều gì đã xảy ra với dòng này</translation>
    </message>
    <message>
        <source>the provider&apos;s import job rejected the rows</source>
        <translation>tác vụ nhập của nhà cung cấp đã từ chối các dòng</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>không nêu lý do</translation>
    </message>
    <message>
        <source>already in the list</source>
        <translation>đã có trong danh sách</translation>
    </message>
    <message>
        <source>already in the list (perhaps from this batch&apos;s lost first attempt)</source>
        <translation>đã có trong danh sách (có thể từ lần gửi đầu tiên bị mất của lô này)</translation>
    </message>
    <message>
        <source>already in the campaign</source>
        <translation>đã có trong chiến dịch</translation>
    </message>
    <message>
        <source>Stringee: invalid phone number</source>
        <translation>Stringee: số điện thoại không hợp lệ</translation>
    </message>
    <message>
        <source>rejected by SMS.by</source>
        <translation>bị SMS.by từ chối</translation>
    </message>
    <message>
        <source>rejected with its batch</source>
        <translation>bị từ chối cùng cả lô</translation>
    </message>
    <message>
        <source>ignored by Dynamic Messaging as an invalid number</source>
        <translation>bị Dynamic Messaging bỏ qua vì là số không hợp lệ</translation>
    </message>
    <message>
        <source>the provider rejected every row: {0}</source>
        <translation>nhà cung cấp đã từ chối mọi dòng: {0}</translation>
    </message>
    <message>
        <source>not sent: {0}</source>
        <translation>chưa gửi: {0}</translation>
    </message>
    <message>
        <source>provider unreachable, will resume ({0})</source>
        <translation>không kết nối được nhà cung cấp, sẽ tự tiếp tục ({0})</translation>
    </message>
    <message>
        <source>the provider is not answering ({0})</source>
        <translation>nhà cung cấp không trả lời ({0})</translation>
    </message>
    <message>
        <source>{0} did not accept the key: re-enter the key, then resume the job</source>
        <translation>{0} không chấp nhận khóa: hãy nhập lại khóa rồi tiếp tục tác vụ</translation>
    </message>
    <message>
        <source>the campaign may not have been created ({0}); check before creating it again</source>
        <translation>chiến dịch có thể chưa được tạo ({0}); hãy kiểm tra trước khi tạo lại</translation>
    </message>
    <message>
        <source>{0}: it may have been saved; check before sending again</source>
        <translation>{0}: có thể đã được lưu; hãy kiểm tra trước khi gửi lại</translation>
    </message>
    <message>
        <source>the provider rejected {0} of {1} rows of this batch without naming them</source>
        <translation>nhà cung cấp đã từ chối {0} trên {1} dòng của lô này mà không nêu rõ dòng nào</translation>
    </message>
    <message>
        <source>the provider counted {0} of {1} rows of this batch as already there</source>
        <translation>nhà cung cấp tính {0} trên {1} dòng của lô này là đã có sẵn</translation>
    </message>
    <message>
        <source>added or updated (SMS.by: {0} of {1} updated)</source>
        <translation>đã thêm hoặc cập nhật (SMS.by: cập nhật {0} trên {1})</translation>
    </message>
    <message>
        <source>retrying after an error ({0})</source>
        <translation>thử lại sau lỗi ({0})</translation>
    </message>
    <message>
        <source>the provider&apos;s import job failed ({0})</source>
        <translation>tác vụ nhập của nhà cung cấp thất bại ({0})</translation>
    </message>
    <message>
        <source>{0}; the check failed: {1}</source>
        <translation>{0}; kiểm tra thất bại: {1}</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>bị giới hạn tốc độ</translation>
    </message>
    <message>
        <source>rate-limit quota used up</source>
        <translation>đã dùng hết hạn mức yêu cầu</translation>
    </message>
    <message>
        <source>slowing down after rate limits</source>
        <translation>đang giảm tốc sau khi bị giới hạn tốc độ</translation>
    </message>
    <message>
        <source>provider unreachable; resuming</source>
        <translation>không kết nối được nhà cung cấp; sẽ tự tiếp tục</translation>
    </message>
    <message>
        <source>{0} is a pipe (FIFO), not a file: save the data to a file and choose that file.</source>
        <translation>{0} là một đường ống (FIFO), không phải tệp: hãy lưu dữ liệu vào một tệp rồi chọn tệp đó.</translation>
    </message>
    <message>
        <source>{0} is a device, not a file: choose a spreadsheet or text file.</source>
        <translation>{0} là một thiết bị, không phải tệp: hãy chọn một bảng tính hoặc tệp văn bản.</translation>
    </message>
    <message>
        <source>Job {0} is incomplete: its rows were not all recorded when it was created (the journal holds {1} rows, the job counts {2}). Nothing more will be sent for it; start the import again.</source>
        <translation>Lượt nhập {0} không đầy đủ: khi tạo, không phải mọi dòng đều được ghi lại (nhật ký có {1} dòng, lượt nhập ghi {2}). Sẽ không gửi thêm gì cho lượt này; hãy bắt đầu nhập lại.</translation>
    </message>
    <message>
        <source>Job {0} was stopped while it was being created, before all of its rows were recorded; it was removed and nothing of it was sent. Start the import again.</source>
        <translation>Lượt nhập {0} bị dừng khi đang được tạo, trước khi mọi dòng được ghi lại; nó đã bị xoá và chưa gửi gì cả. Hãy bắt đầu nhập lại.</translation>
    </message>
    <message>
        <source>Job {0} is still being created by another import; wait for it to start</source>
        <translation>Lượt nhập {0} vẫn đang được tạo bởi một lần nhập khác; hãy chờ nó bắt đầu</translation>
    </message>
    <message>
        <source>found at the provider when read back</source>
        <translation>đã tìm thấy tại nhà cung cấp khi đọc lại</translation>
    </message>
    <message>
        <source>found when read back; the provider counted some rows of its batch as already there</source>
        <translation>đã tìm thấy khi đọc lại; nhà cung cấp tính một số dòng trong lô này là đã có sẵn</translation>
    </message>
    <message>
        <source>the import was stopped before the check ended</source>
        <translation>lần nhập đã dừng trước khi kiểm tra xong</translation>
    </message>
    <message>
        <source>Cellcast can only be read back by list or tag, and this import named neither</source>
        <translation>Cellcast chỉ đọc lại được theo danh sách hoặc thẻ, mà lần nhập này không chỉ định cái nào</translation>
    </message>
    <message>
        <source>{0} refused this row without saying why (it is not in the list when read back)</source>
        <translation>{0} đã từ chối dòng này mà không nêu lý do (khi đọc lại, dòng này không có trong danh sách)</translation>
    </message>
    <message>
        <source>not in the campaign {0} created (read back): it was left out as invalid</source>
        <translation>không có trong chiến dịch mà {0} đã tạo (khi đọc lại): dòng này bị bỏ qua vì không hợp lệ</translation>
    </message>
    <message>
        <source>could not be checked by reading back: {0}</source>
        <translation>không thể kiểm tra bằng cách đọc lại: {0}</translation>
    </message>
    <message>
        <source>{0} kept sending pages: the list could not be read to its end</source>
        <translation>{0} gửi trang liên tục: không thể đọc hết danh sách</translation>
    </message>
</context>
<context>
    <name>RememberDialog</name>
    <message>
        <source>Add campaign</source>
        <translation>Thêm chiến dịch</translation>
    </message>
    <message>
        <source>Add contact list</source>
        <translation>Thêm danh sách liên hệ</translation>
    </message>
    <message>
        <source>e.g. CA100001</source>
        <translation>ví dụ CA100001</translation>
    </message>
    <message>
        <source>id (optional)</source>
        <translation>mã (không bắt buộc)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>list name</source>
        <translation>tên danh sách</translation>
    </message>
    <message>
        <source>The provider checks the id with the first batch of an import.</source>
        <translation>Nhà cung cấp kiểm tra mã này ở lô đầu tiên của lần nhập.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Not added</source>
        <translation>Không được thêm</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Original phone</source>
        <translation>Số như đã nhập</translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation>Số điện thoại (E.164)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Trường khác</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lô</translation>
    </message>
    <message>
        <source>updated (already there, details changed)</source>
        <translation>đã cập nhật (đã có sẵn, thông tin thay đổi)</translation>
    </message>
    <message>
        <source>skipped (already there)</source>
        <translation>bỏ qua (đã có sẵn)</translation>
    </message>
    <message>
        <source>duplicate in the file</source>
        <translation>trùng trong tệp</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>không hợp lệ</translation>
    </message>
    <message>
        <source>rejected by the provider</source>
        <translation>bị nhà cung cấp từ chối</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>needs verification</source>
        <translation>cần kiểm tra</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>hợp lệ</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tác vụ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Nhà cung cấp</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>Số dòng trong tệp</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>Duplicates in the file</source>
        <translation>Trùng trong tệp</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Đã thêm</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Đã cập nhật</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Đã có sẵn</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Đích</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Tệp nguồn</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>waiting to start</source>
        <translation>chờ bắt đầu</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>tạm dừng</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>bị gián đoạn</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>being created</source>
        <translation>đang được tạo</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation>Kết quả nhập</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Phone as typed</source>
        <translation>Số như đã nhập</translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation>Số điện thoại (E.164)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>added</source>
        <translation>đã thêm</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>đã cập nhật</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>đã có sẵn</translation>
    </message>
    <message>
        <source>duplicate in the file</source>
        <translation>trùng trong tệp</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>không hợp lệ</translation>
    </message>
    <message>
        <source>rejected by the provider</source>
        <translation>bị nhà cung cấp từ chối</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>needs verification</source>
        <translation>cần kiểm tra</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>What happened to every row. The report lists every row that was not added, with its reason and the cell as typed.</source>
        <translation>Điều gì đã xảy ra với từng dòng. Báo cáo liệt kê mọi dòng không được thêm, kèm lý do và nội dung ô như đã nhập.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <source>Open target</source>
        <translation>Mở đích</translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation>Hoàn tác lần nhập…</translation>
    </message>
    <message>
        <source>Delete the contacts this import added that are still pending</source>
        <translation>Xóa các liên hệ mà lần nhập này đã thêm và vẫn đang chờ</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Không được thêm</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Đã thêm</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Đã có sẵn</translation>
    </message>
    <message>
        <source>Duplicates in the file</source>
        <translation>Trùng trong tệp</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Loading the results…</source>
        <translation>Đang tải kết quả…</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>đang chuẩn bị</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>tạm dừng</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>bị gián đoạn</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>Job {0}: {1}</source>
        <translation>Tác vụ {0}: {1}</translation>
    </message>
    <message>
        <source>Rows {0}: valid {1}, invalid {2}, duplicates {3}</source>
        <translation>Số dòng {0}: hợp lệ {1}, không hợp lệ {2}, trùng {3}</translation>
    </message>
    <message>
        <source>Sent {0}: added {1}, updated {2}, already there {3}, rejected {4}, failed {5}, needs verification {6}</source>
        <translation>Đã gửi {0}: đã thêm {1}, đã cập nhật {2}, đã có sẵn {3}, bị từ chối {4}, thất bại {5}, cần kiểm tra {6}</translation>
    </message>
    <message>
        <source>Not sent yet: {0}</source>
        <translation>Chưa gửi: {0}</translation>
    </message>
    <message>
        <source>{0} – not added – {1}.xlsx</source>
        <translation>{0} – chưa thêm – {1}.xlsx</translation>
    </message>
    <message>
        <source>Delete the {0} contacts this import added? Only contacts that are still pending can be deleted; the others are listed afterwards.</source>
        <translation>Xóa {0} liên hệ mà lần nhập này đã thêm? Chỉ xóa được các liên hệ vẫn đang chờ; những liên hệ khác sẽ được liệt kê sau đó.</translation>
    </message>
    <message>
        <source>{0} kept because they are already called or in a call: {1}</source>
        <translation>Giữ lại {0} liên hệ vì đã được gọi hoặc đang trong cuộc gọi: {1}</translation>
    </message>
    <message>
        <source>{0} not found in the list any more.</source>
        <translation>{0} liên hệ không còn trong danh sách.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ làm việc Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <source>Report saved: {0}</source>
        <translation>Đã lưu báo cáo: {0}</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>Deleting the contacts this import added…</source>
        <translation>Đang xóa các liên hệ mà lần nhập này đã thêm…</translation>
    </message>
    <message numerus="yes">
        <source>Undo: %n contact(s) deleted.</source>
        <translation>
            <numerusform>Hoàn tác: đã xóa %n liên hệ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>Kiểm tra ngay</translation>
    </message>
    <message>
        <source>Read the target back at the provider: rows found count as added, rows proven missing are sent again</source>
        <translation>Đọc lại đích tại nhà cung cấp: các dòng tìm thấy được tính là đã thêm, các dòng chắc chắn bị thiếu sẽ được gửi lại</translation>
    </message>
    <message>
        <source>Checking the rows that need verification at the provider…</source>
        <translation>Đang kiểm tra tại nhà cung cấp các dòng cần kiểm tra…</translation>
    </message>
    <message>
        <source>Checked: every row is accounted for.</source>
        <translation>Đã kiểm tra: mọi dòng đều đã có kết quả.</translation>
    </message>
    <message>
        <source>Checked: {0} rows still need verification (see their reason).</source>
        <translation>Đã kiểm tra: vẫn còn {0} dòng cần kiểm tra (xem lý do của từng dòng).</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Phone as typed</source>
        <translation>Số như đã nhập</translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation>Số điện thoại (E.164)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Problem or suggestion</source>
        <translation>Vấn đề hoặc đề xuất</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Trùng</translation>
    </message>
    <message>
        <source>Suggestion: {0}</source>
        <translation>Đề xuất: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <source>Every row is checked before anything is sent. Problems are listed with their reason; choose what to do with invalid rows.</source>
        <translation>Mọi dòng được kiểm tra trước khi gửi. Các vấn đề được liệt kê kèm lý do; hãy chọn cách xử lý các dòng không hợp lệ.</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>Hủy kiểm tra</translation>
    </message>
    <message>
        <source>Accept the selected rows&apos; suggestions</source>
        <translation>Chấp nhận gợi ý của các dòng đã chọn</translation>
    </message>
    <message>
        <source>Import every number of a cell holding several as its own contact (same name and fields)</source>
        <translation>Nhập mỗi số trong ô có nhiều số thành một liên hệ riêng (cùng tên và các trường)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Invalid rows:</source>
        <translation>Dòng không hợp lệ:</translation>
    </message>
    <message>
        <source>Skip them, upload the rest</source>
        <translation>Bỏ qua chúng, tải lên phần còn lại</translation>
    </message>
    <message>
        <source>Block the import until fixed</source>
        <translation>Chặn lần nhập cho đến khi sửa xong</translation>
    </message>
    <message>
        <source>Send them as typed</source>
        <translation>Gửi nguyên như đã nhập</translation>
    </message>
    <message>
        <source>Send to fixed-line numbers too (they usually cannot receive SMS)</source>
        <translation>Gửi cả đến số cố định (thường không nhận được SMS)</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <source>Rows with a problem or a fix</source>
        <translation>Các dòng có vấn đề hoặc đã sửa</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Trùng</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Đang kiểm tra các dòng…</translation>
    </message>
    <message>
        <source>Checking the rows… {0} read</source>
        <translation>Đang kiểm tra các dòng… đã đọc {0}</translation>
    </message>
    <message>
        <source>Sheet “{0}”, header row {1}: {2} data rows ({3} blank rows skipped).</source>
        <translation>Trang tính “{0}”, dòng tiêu đề {1}: {2} dòng dữ liệu (bỏ qua {3} dòng trống).</translation>
    </message>
    <message>
        <source>Most phone numbers look like numbers of another country ({0}), not of {1}: check again with country {0}, or accept their suggestions.</source>
        <translation>Phần lớn số điện thoại trông như số của một quốc gia khác ({0}), không phải của {1}: hãy kiểm tra lại với quốc gia {0}, hoặc chấp nhận các gợi ý.</translation>
    </message>
    <message>
        <source>Check again as {0}</source>
        <translation>Kiểm tra lại theo {0}</translation>
    </message>
    <message>
        <source>Valid: {0}   Fixed: {1}   Invalid: {2}   Duplicate: {3}</source>
        <translation>Hợp lệ: {0}   Đã sửa: {1}   Không hợp lệ: {2}   Trùng: {3}</translation>
    </message>
    <message>
        <source>several numbers in one cell</source>
        <translation>nhiều số trong một ô</translation>
    </message>
    <message>
        <source>text around the number</source>
        <translation>có chữ quanh số</translation>
    </message>
    <message>
        <source>another country&apos;s number</source>
        <translation>số của quốc gia khác</translation>
    </message>
    <message>
        <source>a country this provider does not take</source>
        <translation>quốc gia mà nhà cung cấp này không nhận</translation>
    </message>
    <message>
        <source>a fixed line (SMS)</source>
        <translation>số cố định (SMS)</translation>
    </message>
    <message>
        <source>The check was cancelled. Go back and forward again to restart it.</source>
        <translation>Đã hủy kiểm tra. Quay lại rồi tiếp tục để bắt đầu lại.</translation>
    </message>
    <message numerus="yes">
        <source>Accept all suggestions (%n)</source>
        <translation>
            <numerusform>Chấp nhận mọi đề xuất (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>other reasons: {0}</source>
        <translation>lý do khác: {0}</translation>
    </message>
    <message>
        <source>Invalid because: {0}</source>
        <translation>Không hợp lệ vì: {0}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>trống</translation>
    </message>
    <message>
        <source>a formula</source>
        <translation>là công thức</translation>
    </message>
    <message>
        <source>scientific notation</source>
        <translation>dạng số khoa học</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>không phải số</translation>
    </message>
    <message>
        <source>decimals</source>
        <translation>có phần thập phân</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>quá dài</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>quá ngắn</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>sai độ dài</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>mã quốc gia không xác định</translation>
    </message>
    <message>
        <source>not a valid number</source>
        <translation>không phải số hợp lệ</translation>
    </message>
    <message>
        <source>needs its +country code</source>
        <translation>thiếu mã quốc gia (+…)</translation>
    </message>
    <message>
        <source>old 11-digit mobile prefix</source>
        <translation>đầu số di động 11 chữ số cũ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tối</translation>
    </message>
    <message>
        <source>Language and colours change immediately.</source>
        <translation>Ngôn ngữ và màu sắc thay đổi ngay lập tức.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Màu sắc:</translation>
    </message>
    <message>
        <source>Keys are kept in:</source>
        <translation>Nơi lưu khóa:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
</context>
<context>
    <name>TargetChoices</name>
    <message>
        <source>Stringee campaign ids start with CA followed by letters and digits, such as CA100001.</source>
        <translation>Mã chiến dịch Stringee bắt đầu bằng CA, theo sau là chữ và số, ví dụ CA100001.</translation>
    </message>
    <message>
        <source>Alohub ids are whole numbers, such as 1042.</source>
        <translation>Mã Alohub là số nguyên, ví dụ 1042.</translation>
    </message>
    <message>
        <source>SMS.by mailing list ids are whole numbers, such as 101.</source>
        <translation>Mã danh sách gửi của SMS.by là số nguyên, ví dụ 101.</translation>
    </message>
    <message>
        <source>“{0}” is not an id {1} accepts.</source>
        <translation>“{0}” không phải là mã mà {1} chấp nhận.</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Target</source>
        <translation>Đích</translation>
    </message>
    <message>
        <source>Where the contacts go. The upload starts when you press “Start import”.</source>
        <translation>Nơi các liên hệ được đưa vào. Việc tải lên bắt đầu khi bạn bấm “Bắt đầu nhập”.</translation>
    </message>
    <message>
        <source>Start import</source>
        <translation>Bắt đầu nhập</translation>
    </message>
    <message>
        <source>{0} cannot list its campaigns: these are the campaigns you added by id, under the names you gave them. The first batch of the import checks that the campaign exists.</source>
        <translation>{0} không cho phép liệt kê chiến dịch: đây là các chiến dịch bạn đã thêm theo mã, với tên bạn đã đặt. Đợt gửi đầu tiên của lần nhập sẽ kiểm tra chiến dịch có tồn tại không.</translation>
    </message>
    <message>
        <source>Each import creates a new campaign. Pick an earlier one to copy its sender and message.</source>
        <translation>Mỗi lần nhập tạo một chiến dịch mới. Chọn một chiến dịch trước đây để chép người gửi và nội dung tin nhắn.</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Dựa trên</translation>
    </message>
    <message>
        <source>Account: {0} ({1})</source>
        <translation>Tài khoản: {0} ({1})</translation>
    </message>
    <message>
        <source>(comma-separated)</source>
        <translation>(phân cách bằng dấu phẩy)</translation>
    </message>
    <message>
        <source>invalid rows skipped</source>
        <translation>bỏ qua các dòng không hợp lệ</translation>
    </message>
    <message>
        <source>invalid rows block the import</source>
        <translation>dòng không hợp lệ sẽ chặn lần nhập</translation>
    </message>
    <message>
        <source>invalid rows sent as typed</source>
        <translation>gửi cả dòng không hợp lệ nguyên như đã nhập</translation>
    </message>
    <message>
        <source>{0} rows will be sent ({1}).</source>
        <translation>Sẽ gửi {0} dòng ({1}).</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Chiến dịch</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Mailing list</source>
        <translation>Danh sách gửi</translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>Danh sách liên hệ</translation>
    </message>
    <message>
        <source>Fill in: {0}.</source>
        <translation>Hãy điền: {0}.</translation>
    </message>
    <message>
        <source>Give either an existing list id or a new list name, not both.</source>
        <translation>Hãy nhập mã danh sách có sẵn hoặc tên danh sách mới, không nhập cả hai.</translation>
    </message>
    <message>
        <source>Checking the target with the provider…</source>
        <translation>Đang kiểm tra đích đến với nhà cung cấp…</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <source>Search by name or id</source>
        <translation>Tìm theo tên hoặc mã</translation>
    </message>
    <message>
        <source>Id, e.g. CA100001</source>
        <translation>Mã, ví dụ CA100001</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Tên (không bắt buộc)</translation>
    </message>
    <message>
        <source>Add campaign</source>
        <translation>Thêm chiến dịch</translation>
    </message>
    <message>
        <source>New list name</source>
        <translation>Tên danh sách mới</translation>
    </message>
    <message>
        <source>Create list</source>
        <translation>Tạo danh sách</translation>
    </message>
    <message>
        <source>New tag name</source>
        <translation>Tên thẻ mới</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Thêm thẻ</translation>
    </message>
    <message>
        <source>Add list</source>
        <translation>Thêm danh sách</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n liên hệ</numerusform>
        </translation>
    </message>
    <message>
        <source>id {0}</source>
        <translation>mã {0}</translation>
    </message>
    <message>
        <source>new: created by the import</source>
        <translation>mới: được tạo khi nhập</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Nothing to choose from yet.</source>
        <translation>Chưa có mục nào để chọn.</translation>
    </message>
    <message>
        <source>Nothing matches “{0}”.</source>
        <translation>Không có mục nào khớp với “{0}”.</translation>
    </message>
    <message>
        <source>{0} shown; scroll down for more.</source>
        <translation>Đang hiện {0}; cuộn xuống để xem thêm.</translation>
    </message>
    <message>
        <source>{0} shown.</source>
        <translation>Đang hiện {0}.</translation>
    </message>
    <message>
        <source>Could not load the names: {0}</source>
        <translation>Không tải được danh sách tên: {0}</translation>
    </message>
    <message>
        <source>Creating the list “{0}”…</source>
        <translation>Đang tạo danh sách “{0}”…</translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <source>Waiting {0} s (rate limited)</source>
        <translation>Đang chờ {0} giây (bị giới hạn tốc độ)</translation>
    </message>
    <message>
        <source>Waiting {0} s ({1})</source>
        <translation>Đang chờ {0} giây ({1})</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Tải lên</translation>
    </message>
    <message>
        <source>You may close this window: the import goes on and is listed under Imports.</source>
        <translation>Bạn có thể đóng cửa sổ này: lần nhập vẫn tiếp tục và được liệt kê trong mục Nhập dữ liệu.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Đã thêm</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Đã cập nhật</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Đã có sẵn</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Hủy lần nhập</translation>
    </message>
    <message>
        <source>Preparing the job…</source>
        <translation>Đang chuẩn bị tác vụ…</translation>
    </message>
    <message>
        <source>Job {0} started.</source>
        <translation>Tác vụ {0} đã bắt đầu.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} rows</source>
        <translation>{0}: {1} / {2} dòng</translation>
    </message>
    <message>
        <source>{0} rows/s</source>
        <translation>{0} dòng/giây</translation>
    </message>
    <message>
        <source>{0}: {1} sent, {2} added.</source>
        <translation>{0}: đã gửi {1}, đã thêm {2}.</translation>
    </message>
    <message>
        <source>, batch {0}</source>
        <translation>, lô {0}</translation>
    </message>
    <message>
        <source>speed unknown yet</source>
        <translation>chưa rõ tốc độ</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>còn khoảng {0}</translation>
    </message>
    <message>
        <source>{0} rows in {1}, {2} rows/s</source>
        <translation>{0} dòng trong {1}, {2} dòng/giây</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Đang chuẩn bị</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Đang tải lên</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Bị gián đoạn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} phút {1} giây</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} giây</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Checking at the provider</source>
        <translation>Đang kiểm tra tại nhà cung cấp</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Cannot use this input</source>
        <translation>Không dùng được dữ liệu này</translation>
    </message>
    <message>
        <source>The key could not be read from the keyring</source>
        <translation>Không đọc được khóa từ kho khóa</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Sự cố mạng</translation>
    </message>
    <message>
        <source>Cannot reach the provider: {0}</source>
        <translation>Không kết nối được tới nhà cung cấp: {0}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <source>An internal error occurred ({0}). Details are in the log.</source>
        <translation>Đã xảy ra lỗi nội bộ ({0}). Chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <source> The provider said: {0}</source>
        <translation> Nhà cung cấp cho biết: {0}</translation>
    </message>
    <message>
        <source>The key was not accepted</source>
        <translation>Khóa không được chấp nhận</translation>
    </message>
    <message>
        <source>The provider rejected the credentials. Re-enter the key in the account settings.</source>
        <translation>Nhà cung cấp từ chối thông tin xác thực. Hãy nhập lại khóa trong phần cài đặt tài khoản.</translation>
    </message>
    <message>
        <source>Permission missing</source>
        <translation>Thiếu quyền</translation>
    </message>
    <message>
        <source>The key is valid but lacks the permission (scope) for this action.</source>
        <translation>Khóa hợp lệ nhưng thiếu quyền (scope) cho thao tác này.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>This campaign, list or contact no longer exists at the provider.</source>
        <translation>Chiến dịch, danh sách hoặc liên hệ này không còn tồn tại tại nhà cung cấp.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Quá nhiều yêu cầu</translation>
    </message>
    <message>
        <source>The provider asks us to slow down.</source>
        <translation>Nhà cung cấp yêu cầu giảm tốc độ.</translation>
    </message>
    <message>
        <source>The provider did not answer in time</source>
        <translation>Nhà cung cấp không trả lời kịp thời</translation>
    </message>
    <message>
        <source>The request timed out. Check the connection and retry.</source>
        <translation>Yêu cầu đã hết thời gian chờ. Hãy kiểm tra kết nối rồi thử lại.</translation>
    </message>
    <message>
        <source>Cannot reach the provider. Check the connection and the base URL, then retry.</source>
        <translation>Không kết nối được tới nhà cung cấp. Hãy kiểm tra kết nối và URL gốc rồi thử lại.</translation>
    </message>
    <message>
        <source>The provider has a problem</source>
        <translation>Nhà cung cấp đang gặp sự cố</translation>
    </message>
    <message>
        <source>The provider&apos;s server failed (HTTP {0}). Retry in a moment.</source>
        <translation>Máy chủ của nhà cung cấp bị lỗi (HTTP {0}). Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Câu trả lời không mong đợi</translation>
    </message>
    <message>
        <source>The provider sent an answer the app cannot read. Check the base URL, then retry.</source>
        <translation>Nhà cung cấp gửi câu trả lời mà ứng dụng không đọc được. Hãy kiểm tra URL gốc rồi thử lại.</translation>
    </message>
    <message>
        <source>Not allowed in this state</source>
        <translation>Không được phép ở trạng thái này</translation>
    </message>
    <message>
        <source>The provider refused.</source>
        <translation>Nhà cung cấp từ chối.</translation>
    </message>
    <message>
        <source>The provider refused the request</source>
        <translation>Nhà cung cấp từ chối yêu cầu</translation>
    </message>
    <message>
        <source>The request was rejected.</source>
        <translation>Yêu cầu bị từ chối.</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Không được hỗ trợ</translation>
    </message>
    <message>
        <source>This provider&apos;s API cannot do this.</source>
        <translation>API của nhà cung cấp này không làm được việc này.</translation>
    </message>
    <message>
        <source>The provider reported an error</source>
        <translation>Nhà cung cấp báo lỗi</translation>
    </message>
</context>
</TS>
