/** When two schema texts are the same schema, and whether a new schema may follow earlier ones. */
package org.pfptracker.registry.compatibility;
