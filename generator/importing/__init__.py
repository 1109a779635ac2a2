"""Bringing records in from a case-management system's export (`candour import`).

mapping.py reads the officer's mapping file; rows.py reads the export (CSV, or XLSX with
openpyxl); values.py turns one cell into one field's value; plan.py turns rows into records and
decides, record by record, what an import creates, changes or leaves alone.
"""
