"""zhpress: MkDocs plugins for publishing Chinese long-form writing."""
