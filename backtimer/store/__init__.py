"""Files: finding, reading, validating and writing a person's files. No Textual."""
