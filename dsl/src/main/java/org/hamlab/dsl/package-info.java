/** The hamlab DSL: {@code system}, {@code train}, {@code rollout}, {@code plot}. Depends on the engine only. */
package org.hamlab.dsl;
