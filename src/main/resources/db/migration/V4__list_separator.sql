-- Lists in the registry are now joined with '|' (UN theme names contain '; ').
update recommendation set
    recommending_states   = replace(recommending_states, '; ', '|'),
    themes                = replace(themes, '; ', '|'),
    sdgs                  = replace(sdgs, '; ', '|'),
    affected_persons      = replace(affected_persons, '; ', '|'),
    coordinating_agencies = replace(coordinating_agencies, '; ', '|');
