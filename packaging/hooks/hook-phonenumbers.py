# Replaces the contributed hook (which lists every submodule): the metadata and short-number data only.
# The geocoder, carrier and time-zone data (~45 MB) are never used by the app.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules("phonenumbers.shortdata")
