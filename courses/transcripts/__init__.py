"""A learner's transcript: every course they completed here, as one signed
1EdTech Comprehensive Learner Record 2.0 ``ClrCredential``, a PDF and a page.

Modules, lowest first: ``selectors`` (which certificates a transcript
lists), ``credential`` (the CLR document, signed like certificates),
``pdf`` (the printable transcript). State changes (public links and the
courses they show) are in ``courses.services.transcripts``.
"""
