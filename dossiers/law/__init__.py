"""Pure-Python French legal rules for the debt-collection assistant.

Nothing here imports Django or the rest of the project, and nothing reads the
clock: the current date is always passed in (``today``). Each rule carries its
legal references as data, with the certainty tag of the law reference.
"""
