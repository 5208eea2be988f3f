/** Benchmarks: JMH for the chapter engine, load drivers for the services. Figures go to BENCHMARKS.md. */
package dev.podclip.bench;
