"""Front-ends for the intranet: api (REST and the mounted chat), ui (the Gradio chat), present and
render (HTML and terminal text of an Answer), access (auth, rate limit, audit), feedback.
They call the Assistant and the types only."""
