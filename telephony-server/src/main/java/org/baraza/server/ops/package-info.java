/** What operators watch: the health report ({@code /health/details}) and Prometheus metrics ({@code /metrics}). */
package org.baraza.server.ops;
