"""Taking a complaint in, without Qt: the intake form's content and its problems by field
(:mod:`~fieldbus.services.intake.draft`), the files it attaches — read and checked at
attach time (:mod:`~fieldbus.services.intake.attachment_files`,
:mod:`~fieldbus.services.intake.attachments`) — and bulk import from JSON Lines
(:mod:`~fieldbus.services.intake.importer`).

The file reading that domain validation must not do lives here. Same arrows as
:mod:`fieldbus.services`: domain, store, receipts, sync; never the UI or the CLI.
"""
