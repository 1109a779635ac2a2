"""Views: a computed `Table` shown as an HTML table, a CSV file and an SVG chart.

Views format numbers (rounding percentages once, here) and escape text; they know nothing of
pages or of MkDocs.
"""
