/** Reading the platform's state for operators: health and metrics. */
package org.baraza.core.ops;
