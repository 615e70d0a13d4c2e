package org.hamlab.dsl.display;

import java.util.Map;

/**
 * Something that can show itself richly: figures, tables, models and data sets.
 *
 * <p>A front end (the Jupyter kernel, a notebook runner) asks for the MIME bundle and shows the
 * richest type it supports. Values are strings: text for {@code text/*}, base64 for images,
 * and JSON text for {@code application/json} and {@code application/*+json} types (the front end
 * parses it). {@code text/plain} is always present.
 */
public interface Displayable {
  Map<String, String> mimeBundle();
}
