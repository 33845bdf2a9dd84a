"""The bodies of the page callbacks: plain functions of the store and the inputs.

Page modules (``dashboard/pages``) only declare layouts and wire callbacks to these
functions, so benchmarks and tests call them without a browser or a server.
"""
