package org.textclf.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The hyperparameters of one model family (a branch): what its vectorizer and its network are made of. Each branch
 * declares its own record; {@code branch.Branches} knows which branch reads which record, and names it in stored
 * options (the {@code "branch"} property of its JSON).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "branch")
public interface BranchConfig {
}
