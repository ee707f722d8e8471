"""Evaluation tooling (the ``[eval]`` extra): evaluate (metrics), report (charts, tables),
baselines, rgb (RGB en_fact), bench (speed and memory), archive (synthetic archives)."""
