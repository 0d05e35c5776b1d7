<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where keys are kept: {0}. Never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This demo account&apos;s key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account&apos;s key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Stringee dashboard, your project&apos;s API keys list each key SID (SK…) with its secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your SMS.by personal account, the API page shows your token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Alohub, the API settings show the tenant ID and the API key; the user name is the one you sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Cellcast dashboard, API Keys shows your API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the Dynamic Messaging client website, API Keys is where you create the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be stored in the system keyring: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the account?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test just failed: {0}

Save the account anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailing list(s)</source>
        <translation>
            <numerusform>%n mailing list</numerusform>
            <numerusform>%n mailing lists</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance: {0} SMS credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key accepted (campaigns are entered by id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account “{0}” and forget its key? Campaigns and contacts at the provider are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>nowhere permanent (no usable system keyring: keys are kept for this session only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountTreeModel</name>
    <message>
        <source>Demo account on the built-in sandbox; remove it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountTreeView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add campaign by id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add list by id or name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddContactDialog</name>
    <message>
        <source>Add contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number (region {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be added as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider cannot add contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a campaign or a contact list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a contact by hand (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider cannot delete contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the contacts to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{0} allows deleting only pending contacts; %n of the selected contact(s) are already called or in a call.</source>
        <translation>
            <numerusform>{0} allows deleting only pending contacts; %n of the selected contacts is already called or in a call.</numerusform>
            <numerusform>{0} allows deleting only pending contacts; %n of the selected contacts are already called or in a call.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending contact(s), keep the others (Del)</source>
        <translation>
            <numerusform>Delete the %n pending contact, keep the others (Del)</numerusform>
            <numerusform>Delete the %n pending contacts, keep the others (Del)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the selected contacts (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every contact of this view to an .xlsx file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a campaign or list that shows contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a spreadsheet (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the contacts (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether {0} is already there…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is already here ({1}). Add a second copy anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: {0} is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending contact(s):</source>
        <translation>
            <numerusform>Delete the %n pending contact:</numerusform>
            <numerusform>Delete the %n pending contacts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n in a call or already processed (the provider cannot delete them):</source>
        <translation>
            <numerusform>Keep the %n in a call or already processed (the provider cannot delete them):</numerusform>
            <numerusform>Keep the %n in a call or already processed (the provider cannot delete them):</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s) at the provider? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n contact at the provider? This cannot be undone.</numerusform>
            <numerusform>Delete %n contacts at the provider? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n pending</source>
        <translation>
            <numerusform>Delete the %n pending</numerusform>
            <numerusform>Delete the %n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s).</source>
        <translation>
            <numerusform>Deleted %n contact.</numerusform>
            <numerusform>Deleted %n contacts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing spreadsheets arrives with the import wizard (Imports panel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting contacts… %n done</source>
        <translation>
            <numerusform>Exporting contacts… %n done</numerusform>
            <numerusform>Exporting contacts… %n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to {0}.</source>
        <translation>
            <numerusform>Exported %n contact to {0}.</numerusform>
            <numerusform>Exported %n contacts to {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactExport</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactStatus</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <source>Choose a campaign or a contact list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only the %n loaded contact(s) were searched.</source>
        <translation>
            <numerusform>Only the %n loaded contact was searched.</numerusform>
            <numerusform>Only the %n loaded contacts were searched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) loaded</source>
        <translation>
            <numerusform>%n contact loaded</numerusform>
            <numerusform>%n contacts loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n loaded)</source>
        <translation>
            <numerusform>(%n loaded)</numerusform>
            <numerusform>(%n loaded)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message>
        <source>The search looks through the contacts loaded so far; clear it to load more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({0}): {1}

The details are in the log in {2}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFiles</name>
    <message>
        <source>A data file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts file {0} is damaged and cannot be read. Restore it from a backup, or move it to another folder to start with no accounts; then start Campaign Manager again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {0} is damaged and cannot be read. Restore it from a backup, or move it to another folder to start with the default settings; then start Campaign Manager again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import journal {0} is damaged and cannot be read. Move it (and any {1}-wal and {1}-shm beside it) to another folder to start a new journal; the jobs recorded in it will no longer be listed or resumable. Then start Campaign Manager again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo:&lt;/b&gt; data from the built-in sandbox, reset at every start. Nothing here reaches a real provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: data from the built-in sandbox, reset at every start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a real account at a provider; the demo accounts can be removed from the tree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Waiting {1} s, then retrying automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-enter the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportService</name>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the spreadsheet, the account to import into, and the sheet to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show hidden sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account first (Accounts → Add account…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s).</source>
        <translation>
            <numerusform>%n sheet.</numerusform>
            <numerusform>%n sheets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden sheet(s) skipped.</source>
        <translation>
            <numerusform>%n hidden sheet skipped.</numerusform>
            <numerusform>%n hidden sheets skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Text encoding: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several sheets hold phone numbers ({0}) and the first sheet “{1}” holds no contact list: choose the sheet to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet “{0}” is selected: the first sheet “{1}” holds no contact list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row with the column names. Rows above it (titles, notes) are skipped. Click a row to choose another one; 0 means the sheet has no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected header: row {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row was found: the first row is data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>The import journal failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports are busy elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s account no longer exists: add it again, then resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import journal is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the import was not started and nothing was sent. Free some space, then start the import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s account no longer exists: add it again, then verify.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportJobs</name>
    <message>
        <source>No row needs verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be read back from here: check these rows in its portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is running: it checks by itself when its batches are sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>{0} is a folder, not a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSupport</name>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files cannot be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume imports?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) did not finish last time:</source>
        <translation>
            <numerusform>%n import did not finish last time:</numerusform>
            <numerusform>%n imports did not finish last time:</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume them now? Rows already sent are not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports are running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) are still running. Stop them and quit? Each stops after its current batch and can be resumed at the next start.</source>
        <translation>
            <numerusform>%n import is still running. Stop it and quit? It stops after its current batch and can be resumed at the next start.</numerusform>
            <numerusform>%n imports are still running. Stop them and quit? Each stops after its current batch and can be resumed at the next start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused import(s) can be resumed at the next start too.</source>
        <translation>
            <numerusform>%n paused import can be resumed at the next start too.</numerusform>
            <numerusform>%n paused imports can be resumed at the next start too.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imports are paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n import(s) are paused. Quit? Each can be resumed at the next start.</source>
        <translation>
            <numerusform>%n import are paused. Quit? Each can be resumed at the next start.</numerusform>
            <numerusform>%n imports are paused. Quit? Each can be resumed at the next start.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the imports after their current batch…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsArea</name>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No imports yet. Drop a spreadsheet on a campaign or list to import contacts; running and interrupted imports will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No imports yet. Drop a spreadsheet on the window, or use File → Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import journal cannot be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {0} rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} ({2}){3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} added, {1} not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the target back at the provider: rows found count as added, rows proven missing are sent again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo mode could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account at a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a campaign or list &amp;by id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For providers whose API cannot list them (Stringee campaigns, Cellcast lists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts, campaigns and lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet. Use “Add account…” to connect a provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a campaign or a contact list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} at {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its API cannot list campaigns: right-click the account to add one by id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its API cannot list contact lists: right-click the account to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it to see its campaigns and lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider cannot list contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can still add contacts here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a contact list of this campaign to see its contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account on the left first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account “{0}” and forget its key? Campaigns and contacts at the provider are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: the demo accounts use the built-in sandbox, which simulates the five providers on this computer. Its data is reset at every start and nothing reaches a real provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign Manager {0}
Browse and manage contacts of SMS and call-center campaigns at five providers.
Log: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which column holds each field. The phone column is required; the reason for each proposed match is shown next to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country for numbers without a +code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this mapping for this account and these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(report only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} accepts: phone, {1}. Fields marked “report only” are not sent; they help you recognise rows in the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matching column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneCheck</name>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number for region {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderText</name>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key SID (SK…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id (CA…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee has no documented campaign list; add campaigns by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee has no documented campaign lookup; add campaigns by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee campaigns have no contact lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee has no documented endpoint to list a campaign&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee has no documented endpoint to remove a contact from a campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee answers each batch at once; there are no jobs to poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns are created in the Stringee portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns are managed in the Stringee portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing list id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by imports contacts into mailing lists; there are no campaigns to browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by has no documented endpoint to read the contacts of a mailing list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by has no documented endpoint to remove a contact from a mailing list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by answers each import at once; there are no jobs to poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailings are created in the SMS.by portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name (needed to list campaigns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact list id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact list name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub has no documented single-campaign lookup; browse the campaign list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub creates a list when a bulk import names a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub deletes only pending contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub has no server-side contact search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub has no server-side contact sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns are created in the Alohub portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns are managed in the Alohub portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists (by name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags (by name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast has no campaigns for contacts; contacts live in lists and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast has no list endpoint; lists are added by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast creates a list when an upload names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast filters contacts by list or tag only (no free-text search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast cannot sort contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast&apos;s API has no way to delete a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast uploads are synchronous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast has no campaigns for contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added means accepted: Cellcast may update a contact that already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign (only &apos;new&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore invalid numbers (true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot add contacts to an existing campaign: an import creates a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot add contacts to an existing campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic Messaging cannot remove a contact from a campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic Messaging has no contact lists: contacts belong to a campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic Messaging creates a campaign in one request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never retried automatically: a lost answer is checked by listing campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee cannot list a campaign&apos;s contacts, so it cannot be checked from here: look in the Stringee portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by cannot list a mailing list&apos;s contacts, so it cannot be checked from here: look in the SMS.by portal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>The phone cell is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cell holds a formula, not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel turned this number into scientific notation (like 8.49012E+10) and its last digits are lost; format the column as text and type the number again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number (letters or other characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cell holds a number with decimals, not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many digits for a phone number (more than 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few digits for a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of digits does not fit this country&apos;s phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown country code after the &apos;+&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid number for this country; with a &apos;+&apos; in front it is a valid foreign number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old 11-digit Vietnamese mobile number; the prefix changed in 2018.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one phone number in one cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other text around the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Philippines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>India</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel dropped the leading 0; read as a national number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cell was stored as a number; read as digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the &apos;.0&apos; that Excel added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the leading apostrophe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted full-width digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted non-Latin digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed non-breaking or other special spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed invisible characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few digits for a phone number ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of digits does not fit this country&apos;s phone numbers ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old 11-digit Vietnamese mobile number: prefix {0} became {1} in 2018. Suggested: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid {0} number; with a &apos;+&apos; in front it is a valid number of {1}: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many digits for a phone number ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two phone numbers in one cell: {0} and {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} phone numbers in one cell: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other text around the phone number: {0} was found in the cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid {0} number; a valid number of {1} ({2}): choose country {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another number from the cell of row {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone number as row {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted the suggested number {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} only accepts {1} numbers; this one is {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed-line number: {0} sends SMS, which a fixed line usually cannot receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS.by mailing list id must be a number (got {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alohub campaign id must be a number (got {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alohub list id must be a number (got {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start time must be an ISO 8601 time such as {0} (got {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub has no campaign {0} for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub campaign {0} has no list {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by has no mailing list {0} for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact header &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English synonym &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese synonym &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian synonym &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synonym &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column content looks like phone numbers ({0}/{1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column content looks like email addresses ({0}/{1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remembered from an earlier import (&apos;{0}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook is password-protected: remove the password in Excel (File → Info → Protect Workbook) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was saved as a web page, not a real Excel workbook: open it in Excel and Save As .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged or incomplete (the workbook could not be unpacked): open it in Excel, save it again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a spreadsheet or text file that can be read (supported: .xlsx, .xlsm, .xlsb, .xls, .ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Office file is not a spreadsheet (is it a Word or PowerPoint document?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a Word document, not a spreadsheet: choose the Excel or CSV file with the contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a PowerPoint presentation, not a spreadsheet: choose the Excel or CSV file with the contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an OpenDocument text or presentation saved as flat XML, not a spreadsheet: choose the spreadsheet with the contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a SYLK file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a DIF file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a Quattro Pro workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a Lotus 1-2-3 worksheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a Microsoft Works spreadsheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a StarCalc workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a Gnumeric workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an XML file, but not a spreadsheet saved by Excel or LibreOffice: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an Apple Numbers document, which cannot be read: open it in Numbers and export it to Excel (File → Export To → Excel), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook was saved by a very old Excel (version 2, 3 or 4): open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook unpacks to far more data than it holds (a &apos;zip bomb&apos; or a damaged file); it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is too large once unpacked (over 3 GB); split it into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header row must be 1 or more (0 = no header).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone column was found: choose which column holds the phone numbers (e.g. --map phone=B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source file changed since the import started; start a new import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source file is gone since the import started; start a new import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column mapping or settings changed since the import started; start a new import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No import job {0} in this data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sheet {0} in this file (sheets: {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This old Excel workbook is written in the {0} code page ({1}), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown text encoding {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text file could not be read near line {0}: {1} (an unclosed quote?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} row(s) have an invalid phone number: fix them, or choose to skip or include invalid rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several sheets hold phone numbers ({0} in their first rows) and the first sheet holds no contact list: choose the sheet to read (--sheet NAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} has already ended ({1}); nothing to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: merged cells {1} and {2} more: only the top-left cell of each holds a value; the other cells are read as empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: merged cells {1}: only the top-left cell of each holds a value; the other cells are read as empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &apos;{0}&apos;: {1} formula cell(s) have no saved value ({2}); they are read as empty. Open the file in Excel and save it to store the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read sheet &apos;{0}&apos;: the first sheet &apos;{1}&apos; holds no contact list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most phone numbers look like numbers of {0} ({1}), not of {2} ({3}): choose country {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} NUL byte(s) were removed from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: the import was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; resume the job to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent when the app stopped; the answer was lost: check at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the app stopped while the campaign was being created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider did not say what happened to this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s import job rejected the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the list (perhaps from this batch&apos;s lost first attempt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stringee: invalid phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by SMS.by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected with its batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored by Dynamic Messaging as an invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider rejected every row: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider unreachable, will resume ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider is not answering ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} did not accept the key: re-enter the key, then resume the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign may not have been created ({0}); check before creating it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: it may have been saved; check before sending again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider rejected {0} of {1} rows of this batch without naming them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider counted {0} of {1} rows of this batch as already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added or updated (SMS.by: {0} of {1} updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying after an error ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s import job failed ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}; the check failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate-limit quota used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slowing down after rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider unreachable; resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is a pipe (FIFO), not a file: save the data to a file and choose that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is a device, not a file: choose a spreadsheet or text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} is incomplete: its rows were not all recorded when it was created (the journal holds {1} rows, the job counts {2}). Nothing more will be sent for it; start the import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} was stopped while it was being created, before all of its rows were recorded; it was removed and nothing of it was sent. Start the import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} is still being created by another import; wait for it to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found at the provider when read back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found when read back; the provider counted some rows of its batch as already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import was stopped before the check ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellcast can only be read back by list or tag, and this import named neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} refused this row without saying why (it is not in the list when read back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the campaign {0} created (read back): it was left out as invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be checked by reading back: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} kept sending pages: the list could not be read to its end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RememberDialog</name>
    <message>
        <source>Add campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. CA100001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider checks the id with the first batch of an import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated (already there, details changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped (already there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to every row. The report lists every row that was not added, with its reason and the cell as typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the contacts this import added that are still pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows {0}: valid {1}, invalid {2}, duplicates {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {0}: added {1}, updated {2}, already there {3}, rejected {4}, failed {5}, needs verification {6}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} – not added – {1}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {0} contacts this import added? Only contacts that are still pending can be deleted; the others are listed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} kept because they are already called or in a call: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not found in the list any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the contacts this import added…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undo: %n contact(s) deleted.</source>
        <translation>
            <numerusform>Undo: %n contact deleted.</numerusform>
            <numerusform>Undo: %n contacts deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the target back at the provider: rows found count as added, rows proven missing are sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows that need verification at the provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: every row is accounted for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: {0} rows still need verification (see their reason).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem or suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is checked before anything is sent. Problems are listed with their reason; choose what to do with invalid rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the selected rows&apos; suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every number of a cell holding several as its own contact (same name and fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip them, upload the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the import until fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send them as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to fixed-line numbers too (they usually cannot receive SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with a problem or a fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows… {0} read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet “{0}”, header row {1}: {2} data rows ({3} blank rows skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most phone numbers look like numbers of another country ({0}), not of {1}: check again with country {0}, or accept their suggestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: {0}   Fixed: {1}   Invalid: {2}   Duplicate: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several numbers in one cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text around the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another country&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a country this provider does not take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fixed line (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled. Go back and forward again to restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Accept all suggestions (%n)</source>
        <translation>
            <numerusform>Accept all suggestions (%n)</numerusform>
            <numerusform>Accept all suggestions (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>other reasons: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid because: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scientific notation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs its +country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old 11-digit mobile prefix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and colours change immediately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are kept in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetChoices</name>
    <message>
        <source>Stringee campaign ids start with CA followed by letters and digits, such as CA100001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alohub ids are whole numbers, such as 1042.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS.by mailing list ids are whole numbers, such as 101.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not an id {1} accepts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the contacts go. The upload starts when you press “Start import”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot list its campaigns: these are the campaigns you added by id, under the names you gave them. The first batch of the import checks that the campaign exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each import creates a new campaign. Pick an earlier one to copy its sender and message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid rows skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid rows block the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid rows sent as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows will be sent ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either an existing list id or a new list name, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the target with the provider…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <source>Search by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id, e.g. CA100001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New list name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tag name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>id {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new: created by the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to choose from yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shown; scroll down for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the names: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the list “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <source>Waiting {0} s (rate limited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting {0} s ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may close this window: the import goes on and is listed under Imports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} of {2} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} sent, {2} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, batch {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speed unknown yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows in {1}, {2} rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking at the provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Cannot use this input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be read from the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the provider: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal error occurred ({0}). Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The provider said: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected the credentials. Re-enter the key in the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is valid but lacks the permission (scope) for this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign, list or contact no longer exists at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider asks us to slow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request timed out. Check the connection and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the provider. Check the connection and the base URL, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider has a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s server failed (HTTP {0}). Retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent an answer the app cannot read. Check the base URL, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider&apos;s API cannot do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider reported an error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
