"""oogst — harvest what people said from a pile of articles into a one-page digest."""
__version__ = "0.1.0"
