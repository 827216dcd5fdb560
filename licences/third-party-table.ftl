<#-- The licence gate's list as a Markdown table (artifact, version, licence), pasted into README.md's
     "Dependencies and licences" section. Licence names are already normalised by the gate's licenseMerges. -->
| artifact | version | licence |
|---|---|---|
<#list dependencyMap as e>
<#assign project = e.getKey()/>
| `${project.groupId}:${project.artifactId}` | ${project.version} | ${e.getValue()?join(", ")} |
</#list>
