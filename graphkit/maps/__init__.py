"""Influence maps: the interactive HTML map, report figures and per-target statistics.

``select`` cuts an ego map out of a graph, ``style`` holds the visual grammar shared by the
HTML map and the figures, ``stats`` writes Markdown tables, ``layout`` places label-sized
boxes with Graphviz, ``figure`` draws the network figure, ``stance`` the stance chart of one
target, and ``render`` holds what the two figures share (caption, formats, saving).
"""
