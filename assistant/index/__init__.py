"""The index: store (the only module that talks to Chroma), catalog (what is committed), records
(an indexed article), corpus (the indexed articles in memory), lexical (BM25)."""
