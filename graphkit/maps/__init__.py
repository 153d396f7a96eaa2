"""Influence maps: the interactive HTML map, a static figure and per-target statistics.

``select`` cuts an ego map out of a graph, ``style`` holds the visual grammar shared by the
HTML map and the figure, ``stats`` writes Markdown tables and ``figure`` a matplotlib image.
"""
