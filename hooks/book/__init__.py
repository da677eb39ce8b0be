"""The book's conventions as plain functions: text in, structures and findings out.

Nothing in this package imports MkDocs or Material. The hooks in ``hooks/*.py`` wire it
into MkDocs; ``python -m book.check`` runs the same checks without building HTML, and a
move to another static site generator keeps all of it.
"""
