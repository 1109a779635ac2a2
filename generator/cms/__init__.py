"""The editor at admin/: Decap CMS configured from Candour's schemas and the organisation file.

`fields` turns a record schema into Decap's form fields, `choices` reads the organisation's
taxonomies as drop-down options, `config` assembles the whole configuration (a collection per kind
and reporting year), and `admin` gives the files of the admin/ folder of the site. Nothing here
knows of MkDocs or the command line.
"""
