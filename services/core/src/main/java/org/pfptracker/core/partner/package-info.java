/** Value types about partners that cross module boundaries, each checking its form once, when made. */
package org.pfptracker.core.partner;
