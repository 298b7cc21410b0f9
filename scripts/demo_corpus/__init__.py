"""Text and renderers of the fictional Fernleigh County Council demo corpus."""
