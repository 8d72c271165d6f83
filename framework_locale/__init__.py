"""Vietnamese for the Wagtail and Django strings teachers and curators meet.

Wagtail's own Vietnamese catalogue translates a small part of the admin (and
gets "%(label)s and Publish" wrong). This app only carries a catalogue, in the
``django`` domain like every other, listed in INSTALLED_APPS above the Wagtail
apps so that its entries win over theirs. The project's own strings live in
``locale/`` (LOCALE_PATHS), which Django loads above every app, so a msgid
both catalogues carry reads as ``locale/`` has it.
"""
